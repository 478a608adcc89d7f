-- generated from policies/changchun.policy by policyc — do not edit; regenerate with `policyc build`
-- 解读 record_scope（第十三条）：本查询覆盖各种读法（all_applicants、enterprise_only），各列取最低额至最高额
-- 解读 provider_cap_scope（第七条第（三）项）：本查询覆盖各种读法（item_only、combined），各列取最低额至最高额
WITH v AS (
  SELECT
    "p"."row_id",
    CASE
      WHEN "p"."applicant_type" IS NULL
      OR (
        NOT "p"."applicant_type" IS NULL
        AND (
          NOT "p"."applicant_type" IN ('enterprise', 'service_provider', 'platform_operator', 'public_institution')
        )
      )
      THEN 'applicant_type'
      WHEN NOT "p"."industry" IS NULL AND (
        LENGTH("p"."industry") > 1000
      )
      THEN 'industry'
      WHEN NOT "p"."registered_in_city" IS NULL
      AND (
        NOT "p"."registered_in_city" IN ('true', 'false')
      )
      THEN 'registered_in_city'
      WHEN NOT "p"."independent_legal_person" IS NULL
      AND (
        NOT "p"."independent_legal_person" IN ('true', 'false')
      )
      THEN 'independent_legal_person'
      WHEN NOT "p"."good_tax_and_credit" IS NULL
      AND (
        NOT "p"."good_tax_and_credit" IN ('true', 'false')
      )
      THEN 'good_tax_and_credit'
      WHEN NOT "p"."in_pilot_scope" IS NULL
      AND (
        NOT "p"."in_pilot_scope" IN ('true', 'false')
      )
      THEN 'in_pilot_scope'
      WHEN NOT "p"."acceptance_passed" IS NULL
      AND (
        NOT "p"."acceptance_passed" IN ('true', 'false')
      )
      THEN 'acceptance_passed'
      WHEN NOT "p"."spend_software_cloud" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."spend_software_cloud", '^[0-9]{1,15}([.][0-9]{1,2})?$')
      )
      THEN 'spend_software_cloud'
      WHEN NOT "p"."spend_data_equipment" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."spend_data_equipment", '^[0-9]{1,15}([.][0-9]{1,2})?$')
      )
      THEN 'spend_data_equipment'
      WHEN NOT "p"."spend_consulting" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."spend_consulting", '^[0-9]{1,15}([.][0-9]{1,2})?$')
      )
      THEN 'spend_consulting'
      WHEN NOT "p"."is_sme" IS NULL AND (
        NOT "p"."is_sme" IN ('true', 'false')
      )
      THEN 'is_sme'
      WHEN NOT "p"."cloud_platform_adopted" IS NULL
      AND (
        NOT "p"."cloud_platform_adopted" IN ('true', 'false')
      )
      THEN 'cloud_platform_adopted'
      WHEN NOT "p"."platform_benchmark" IS NULL
      AND (
        NOT "p"."platform_benchmark" IN ('true', 'false')
      )
      THEN 'platform_benchmark'
      WHEN NOT "p"."awarded_products" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."awarded_products", '^-?[0-9]{1,10}$')
        OR COALESCE(TRY_CAST("p"."awarded_products" AS DECIMAL(11, 0)) < 0, FALSE)
        OR COALESCE(TRY_CAST("p"."awarded_products" AS DECIMAL(11, 0)) > 1000000000, FALSE)
      )
      THEN 'awarded_products'
      WHEN NOT "p"."excellent_provider" IS NULL
      AND (
        NOT "p"."excellent_provider" IN ('true', 'false')
      )
      THEN 'excellent_provider'
      WHEN NOT "p"."chain_transformation_award" IS NULL
      AND (
        NOT "p"."chain_transformation_award" IN ('true', 'false')
      )
      THEN 'chain_transformation_award'
      WHEN NOT "p"."serious_dishonesty_3y" IS NULL
      AND (
        NOT "p"."serious_dishonesty_3y" IN ('true', 'false')
      )
      THEN 'serious_dishonesty_3y'
      WHEN NOT "p"."little_giant_central_funded" IS NULL
      AND (
        NOT "p"."little_giant_central_funded" IN ('true', 'false')
      )
      THEN 'little_giant_central_funded'
      WHEN NOT "p"."in_2022_pilot" IS NULL
      AND (
        NOT "p"."in_2022_pilot" IN ('true', 'false')
      )
      THEN 'in_2022_pilot'
      WHEN NOT "p"."pilot_ended_unaccepted" IS NULL
      AND (
        NOT "p"."pilot_ended_unaccepted" IN ('true', 'false')
      )
      THEN 'pilot_ended_unaccepted'
      WHEN NOT "p"."production_stage_reform" IS NULL
      AND (
        NOT "p"."production_stage_reform" IN ('true', 'false')
      )
      THEN 'production_stage_reform'
      WHEN NOT "p"."procured_service" IS NULL
      AND (
        NOT "p"."procured_service" IN ('true', 'false')
      )
      THEN 'procured_service'
      WHEN NOT "p"."abnormal_operation_listed" IS NULL
      AND (
        NOT "p"."abnormal_operation_listed" IN ('true', 'false')
      )
      THEN 'abnormal_operation_listed'
      WHEN NOT "p"."serious_dishonesty_listed" IS NULL
      AND (
        NOT "p"."serious_dishonesty_listed" IN ('true', 'false')
      )
      THEN 'serious_dishonesty_listed'
      WHEN NOT "p"."major_incident_3y" IS NULL
      AND (
        NOT "p"."major_incident_3y" IN ('true', 'false')
      )
      THEN 'major_incident_3y'
      WHEN NOT "p"."tax_violation_3y" IS NULL
      AND (
        NOT "p"."tax_violation_3y" IN ('true', 'false')
      )
      THEN 'tax_violation_3y'
      WHEN NOT "p"."disqualified_3y" IS NULL
      AND (
        NOT "p"."disqualified_3y" IN ('true', 'false')
      )
      THEN 'disqualified_3y'
      WHEN NOT "p"."accepted_enterprises_served" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."accepted_enterprises_served", '^-?[0-9]{1,10}$')
        OR COALESCE(TRY_CAST("p"."accepted_enterprises_served" AS DECIMAL(11, 0)) < 0, FALSE)
        OR COALESCE(TRY_CAST("p"."accepted_enterprises_served" AS DECIMAL(11, 0)) > 1000000000, FALSE)
      )
      THEN 'accepted_enterprises_served'
      WHEN NOT "p"."chain_demo_enterprise" IS NULL
      AND (
        NOT "p"."chain_demo_enterprise" IN ('true', 'false')
      )
      THEN 'chain_demo_enterprise'
      WHEN NOT "p"."city_type" IS NULL
      AND (
        NOT "p"."city_type" IN (
          'provincial_capital',
          'separately_planned',
          'xpcc',
          'prefecture',
          'municipality_district'
        )
      )
      THEN 'city_type'
      WHEN NOT "p"."digital_level" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."digital_level", '^-?[0-9]{1,1}$')
        OR COALESCE(TRY_CAST("p"."digital_level" AS DECIMAL(2, 0)) < 0, FALSE)
        OR COALESCE(TRY_CAST("p"."digital_level" AS DECIMAL(2, 0)) > 4, FALSE)
      )
      THEN 'digital_level'
      WHEN NOT "p"."digital_workshop_title" IS NULL
      AND (
        NOT "p"."digital_workshop_title" IN ('true', 'false')
      )
      THEN 'digital_workshop_title'
      WHEN NOT "p"."lighthouse" IS NULL AND (
        NOT "p"."lighthouse" IN ('true', 'false')
      )
      THEN 'lighthouse'
      WHEN NOT "p"."operating_normally" IS NULL
      AND (
        NOT "p"."operating_normally" IN ('true', 'false')
      )
      THEN 'operating_normally'
      WHEN NOT "p"."provincial_demo_title" IS NULL
      AND (
        NOT "p"."provincial_demo_title" IN ('true', 'false')
      )
      THEN 'provincial_demo_title'
      WHEN NOT "p"."region" IS NULL
      AND (
        NOT "p"."region" IN ('east', 'central', 'west')
      )
      THEN 'region'
      WHEN NOT "p"."typical_case_title" IS NULL
      AND (
        NOT "p"."typical_case_title" IN ('true', 'false')
      )
      THEN 'typical_case_title'
      ELSE CAST(NULL AS TEXT)
    END AS "error_field",
    CURRENT_DATE <= CAST('2027-12-31' AS DATE) AS "in_force",
    "p"."applicant_type" AS "applicant_type",
    "p"."industry" AS "industry",
    COALESCE("p"."registered_in_city" = 'true', FALSE) AS "registered_in_city",
    COALESCE("p"."independent_legal_person" = 'true', FALSE) AS "independent_legal_person",
    COALESCE("p"."good_tax_and_credit" = 'true', FALSE) AS "good_tax_and_credit",
    COALESCE("p"."in_pilot_scope" = 'true', FALSE) AS "in_pilot_scope",
    COALESCE("p"."acceptance_passed" = 'true', FALSE) AS "acceptance_passed",
    COALESCE(TRY_CAST("p"."spend_software_cloud" AS DECIMAL(17, 2)), CAST(0 AS DECIMAL(17, 2))) AS "spend_software_cloud",
    COALESCE(TRY_CAST("p"."spend_data_equipment" AS DECIMAL(17, 2)), CAST(0 AS DECIMAL(17, 2))) AS "spend_data_equipment",
    COALESCE(TRY_CAST("p"."spend_consulting" AS DECIMAL(17, 2)), CAST(0 AS DECIMAL(17, 2))) AS "spend_consulting",
    COALESCE("p"."is_sme" = 'true', FALSE) AS "is_sme",
    COALESCE("p"."cloud_platform_adopted" = 'true', FALSE) AS "cloud_platform_adopted",
    COALESCE("p"."platform_benchmark" = 'true', FALSE) AS "platform_benchmark",
    COALESCE(TRY_CAST("p"."awarded_products" AS DECIMAL(10, 0)), CAST(0 AS DECIMAL(10, 0))) AS "awarded_products",
    COALESCE("p"."excellent_provider" = 'true', FALSE) AS "excellent_provider",
    COALESCE("p"."chain_transformation_award" = 'true', FALSE) AS "chain_transformation_award",
    COALESCE("p"."serious_dishonesty_3y" = 'true', FALSE) AS "serious_dishonesty_3y",
    COALESCE("p"."little_giant_central_funded" = 'true', FALSE) AS "little_giant_central_funded",
    COALESCE("p"."in_2022_pilot" = 'true', FALSE) AS "in_2022_pilot",
    COALESCE("p"."pilot_ended_unaccepted" = 'true', FALSE) AS "pilot_ended_unaccepted",
    COALESCE("p"."production_stage_reform" = 'true', FALSE) AS "production_stage_reform",
    COALESCE("p"."procured_service" = 'true', FALSE) AS "procured_service",
    COALESCE("p"."abnormal_operation_listed" = 'true', FALSE) AS "abnormal_operation_listed",
    COALESCE("p"."serious_dishonesty_listed" = 'true', FALSE) AS "serious_dishonesty_listed",
    COALESCE("p"."major_incident_3y" = 'true', FALSE) AS "major_incident_3y",
    COALESCE("p"."tax_violation_3y" = 'true', FALSE) AS "tax_violation_3y",
    COALESCE("p"."disqualified_3y" = 'true', FALSE) AS "disqualified_3y",
    CASE
      WHEN REGEXP_MATCHES(
        (
          "p"."industry"
        ),
        '[' || '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～備葯藥裝製車軌電車零器                  　' || CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133) || ']'
      )
      THEN TRANSLATE(
        (
          "p"."industry"
        ),
        '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～備葯藥裝製車軌電車零器                  　' || CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133),
        '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~备药药装制车轨电车零器'
      )
      ELSE "p"."industry"
    END AS "industry__key"
  FROM profiles AS p
), x AS (
  SELECT
    *,
    (
      NOT (
        (
          COALESCE((
            "p"."applicant_type"
          ) <> (
            'enterprise'
          ), FALSE)
          OR COALESCE(
            (
              COALESCE(
                (
                  "p"."industry__key"
                ) IN ('汽车零部件配件制造', '轨道交通高端装备制造', '电子元器件制造', '中成药生物药品制品制造'),
                FALSE
              )
              OR COALESCE((
                "p"."industry__key"
              ) = (
                '中成药生物药品制造'
              ), FALSE)
            ),
            FALSE
          )
        )
      )
      OR NOT (
        (
          COALESCE((
            "p"."applicant_type"
          ) <> (
            'enterprise'
          ), FALSE)
          OR COALESCE("p"."is_sme", FALSE)
        )
      )
      OR NOT (
        (
          COALESCE("p"."registered_in_city", FALSE)
          AND COALESCE("p"."independent_legal_person", FALSE)
          AND COALESCE("p"."good_tax_and_credit", FALSE)
        )
      )
      OR (
        COALESCE("p"."little_giant_central_funded", FALSE)
      )
      OR (
        COALESCE("p"."in_2022_pilot", FALSE)
      )
      OR (
        COALESCE("p"."pilot_ended_unaccepted", FALSE)
      )
      OR (
        COALESCE("p"."serious_dishonesty_3y", FALSE)
      )
      OR (
        (
          (
            COALESCE("p"."abnormal_operation_listed", FALSE)
            OR COALESCE("p"."serious_dishonesty_listed", FALSE)
            OR COALESCE("p"."major_incident_3y", FALSE)
            OR COALESCE("p"."tax_violation_3y", FALSE)
          )
          AND COALESCE(COALESCE(TRUE, FALSE), FALSE)
        )
      )
      OR (
        COALESCE("p"."disqualified_3y", FALSE)
      )
    ) AS "excluded",
    CASE
      WHEN (
        "p"."spend_software_cloud"
      ) < 100000000000000
      THEN CAST((
        "p"."spend_software_cloud"
      ) * (
        100
      ) AS BIGINT)
      ELSE (
        (
          CAST(CAST(FLOOR("p"."spend_software_cloud") AS DECIMAL(15, 0)) AS BIGINT)
        ) * 100
      ) + (
        CAST((
          CAST((
            "p"."spend_software_cloud"
          ) - (
            CAST(FLOOR("p"."spend_software_cloud") AS DECIMAL(15, 0))
          ) AS DECIMAL(3, 2))
        ) * (
          100
        ) AS BIGINT)
      )
    END AS "spend_software_cloud__fen",
    CASE
      WHEN (
        "p"."spend_data_equipment"
      ) < 100000000000000
      THEN CAST((
        "p"."spend_data_equipment"
      ) * (
        100
      ) AS BIGINT)
      ELSE (
        (
          CAST(CAST(FLOOR("p"."spend_data_equipment") AS DECIMAL(15, 0)) AS BIGINT)
        ) * 100
      ) + (
        CAST((
          CAST((
            "p"."spend_data_equipment"
          ) - (
            CAST(FLOOR("p"."spend_data_equipment") AS DECIMAL(15, 0))
          ) AS DECIMAL(3, 2))
        ) * (
          100
        ) AS BIGINT)
      )
    END AS "spend_data_equipment__fen",
    CASE
      WHEN (
        "p"."spend_consulting"
      ) < 100000000000000
      THEN CAST((
        "p"."spend_consulting"
      ) * (
        100
      ) AS BIGINT)
      ELSE (
        (
          CAST(CAST(FLOOR("p"."spend_consulting") AS DECIMAL(15, 0)) AS BIGINT)
        ) * 100
      ) + (
        CAST((
          CAST((
            "p"."spend_consulting"
          ) - (
            CAST(FLOOR("p"."spend_consulting") AS DECIMAL(15, 0))
          ) AS DECIMAL(3, 2))
        ) * (
          100
        ) AS BIGINT)
      )
    END AS "spend_consulting__fen",
    (
      NOT (
        (
          COALESCE((
            "p"."applicant_type"
          ) <> (
            'enterprise'
          ), FALSE)
          OR COALESCE(
            (
              COALESCE(
                (
                  "p"."industry__key"
                ) IN ('汽车零部件配件制造', '轨道交通高端装备制造', '电子元器件制造', '中成药生物药品制品制造'),
                FALSE
              )
              OR COALESCE((
                "p"."industry__key"
              ) = (
                '中成药生物药品制造'
              ), FALSE)
            ),
            FALSE
          )
        )
      )
      OR NOT (
        (
          COALESCE((
            "p"."applicant_type"
          ) <> (
            'enterprise'
          ), FALSE)
          OR COALESCE("p"."is_sme", FALSE)
        )
      )
      OR NOT (
        (
          COALESCE("p"."registered_in_city", FALSE)
          AND COALESCE("p"."independent_legal_person", FALSE)
          AND COALESCE("p"."good_tax_and_credit", FALSE)
        )
      )
      OR (
        COALESCE("p"."little_giant_central_funded", FALSE)
      )
      OR (
        COALESCE("p"."in_2022_pilot", FALSE)
      )
      OR (
        COALESCE("p"."pilot_ended_unaccepted", FALSE)
      )
      OR (
        COALESCE("p"."serious_dishonesty_3y", FALSE)
      )
      OR (
        (
          (
            COALESCE("p"."abnormal_operation_listed", FALSE)
            OR COALESCE("p"."serious_dishonesty_listed", FALSE)
            OR COALESCE("p"."major_incident_3y", FALSE)
            OR COALESCE("p"."tax_violation_3y", FALSE)
          )
          AND COALESCE(COALESCE((
            "p"."applicant_type"
          ) = (
            'enterprise'
          ), FALSE), FALSE)
        )
      )
      OR (
        COALESCE("p"."disqualified_3y", FALSE)
      )
    ) AS "excluded__q2"
  FROM v AS p
), r AS (
  SELECT
    *,
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND (
      COALESCE("p"."in_pilot_scope", FALSE)
      AND COALESCE("p"."acceptance_passed", FALSE)
    ) AS "reform_subsidy__applies",
    CAST(LEAST(CAST(0 AS DECIMAL(18, 2)), CAST(500000 AS DECIMAL(6, 0))) AS DECIMAL(8, 2)) AS "reform_subsidy__raw_lo",
    CAST(LEAST(
      CAST((
        CAST((
          (
            CAST(5 AS BIGINT)
          ) * (
            (
              (
                "p"."spend_software_cloud__fen"
              ) + (
                "p"."spend_data_equipment__fen"
              )
            ) + (
              "p"."spend_consulting__fen"
            )
          )
        ) // CAST(10 AS BIGINT) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2)),
      CAST(500000 AS DECIMAL(6, 0))
    ) AS DECIMAL(8, 2)) AS "reform_subsidy__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND (
      COALESCE("p"."in_pilot_scope", FALSE)
      AND COALESCE("p"."acceptance_passed", FALSE)
      AND COALESCE("p"."production_stage_reform", FALSE)
    ) AS "production_stage_extra__applies",
    CAST(NULL AS DECIMAL(1, 0)) AS "production_stage_extra__raw_lo",
    CAST(NULL AS DECIMAL(1, 0)) AS "production_stage_extra__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."cloud_platform_adopted", FALSE) AS "cloud_platform_award__applies",
    CAST(10000 AS DECIMAL(5, 0)) AS "cloud_platform_award__raw_lo",
    CAST(30000 AS DECIMAL(5, 0)) AS "cloud_platform_award__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."platform_benchmark", FALSE) AS "platform_benchmark_award__applies",
    CAST(50000 AS DECIMAL(6, 0)) AS "platform_benchmark_award__raw_lo",
    CAST(200000 AS DECIMAL(6, 0)) AS "platform_benchmark_award__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE((
      "p"."awarded_products"
    ) >= (
      CAST(1 AS DECIMAL(1, 0))
    ), FALSE) AS "product_award__applies",
    CAST(LEAST(
      CAST((
        CAST(0 AS DECIMAL(5, 0))
      ) * (
        "p"."awarded_products"
      ) AS DECIMAL(14, 0)),
      CAST(500000 AS DECIMAL(6, 0))
    ) AS DECIMAL(6, 0)) AS "product_award__raw_lo",
    CAST(LEAST(
      CAST((
        CAST(50000 AS DECIMAL(5, 0))
      ) * (
        "p"."awarded_products"
      ) AS DECIMAL(14, 0)),
      CAST(500000 AS DECIMAL(6, 0))
    ) AS DECIMAL(6, 0)) AS "product_award__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE("p"."excellent_provider", FALSE) AS "excellent_provider_award__applies",
    CAST(0 AS DECIMAL(6, 0)) AS "excellent_provider_award__raw_lo",
    CAST(200000 AS DECIMAL(6, 0)) AS "excellent_provider_award__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."chain_transformation_award", FALSE) AS "chain_award__applies",
    CAST(0 AS DECIMAL(6, 0)) AS "chain_award__raw_lo",
    CAST(200000 AS DECIMAL(6, 0)) AS "chain_award__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE("p"."procured_service", FALSE) AS "procurement_service__applies",
    CAST(NULL AS DECIMAL(1, 0)) AS "procurement_service__raw_lo",
    CAST(NULL AS DECIMAL(1, 0)) AS "procurement_service__raw_hi",
    CAST((
      CAST(500000 AS DECIMAL(6, 0))
    ) + (
      CAST(200000 AS DECIMAL(6, 0))
    ) AS DECIMAL(6, 0)) AS "cap1__raw",
    CAST(500000 AS DECIMAL(6, 0)) AS "cap1__raw__q1",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q2"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND (
      COALESCE("p"."in_pilot_scope", FALSE)
      AND COALESCE("p"."acceptance_passed", FALSE)
    ) AS "reform_subsidy__applies__q2",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q2"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND (
      COALESCE("p"."in_pilot_scope", FALSE)
      AND COALESCE("p"."acceptance_passed", FALSE)
      AND COALESCE("p"."production_stage_reform", FALSE)
    ) AS "production_stage_extra__applies__q2",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q2"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."cloud_platform_adopted", FALSE) AS "cloud_platform_award__applies__q2",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q2"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."platform_benchmark", FALSE) AS "platform_benchmark_award__applies__q2",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q2"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE((
      "p"."awarded_products"
    ) >= (
      CAST(1 AS DECIMAL(1, 0))
    ), FALSE) AS "product_award__applies__q2",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q2"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE("p"."excellent_provider", FALSE) AS "excellent_provider_award__applies__q2",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q2"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."chain_transformation_award", FALSE) AS "chain_award__applies__q2",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q2"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE("p"."procured_service", FALSE) AS "procurement_service__applies__q2"
  FROM x AS p
), i AS (
  SELECT
    *,
    CAST(CAST("reform_subsidy__raw_lo" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "reform_subsidy__lo",
    CAST(CAST("reform_subsidy__raw_hi" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "reform_subsidy__hi",
    CAST(CAST("production_stage_extra__raw_lo" AS DECIMAL(3, 2)) AS DECIMAL(9, 2)) AS "production_stage_extra__lo",
    CAST(CAST("production_stage_extra__raw_hi" AS DECIMAL(3, 2)) AS DECIMAL(9, 2)) AS "production_stage_extra__hi",
    CAST(CAST("cloud_platform_award__raw_lo" AS DECIMAL(7, 2)) AS DECIMAL(9, 2)) AS "cloud_platform_award__lo",
    CAST(CAST("cloud_platform_award__raw_hi" AS DECIMAL(7, 2)) AS DECIMAL(9, 2)) AS "cloud_platform_award__hi",
    CAST(CAST("platform_benchmark_award__raw_lo" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "platform_benchmark_award__lo",
    CAST(CAST("platform_benchmark_award__raw_hi" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "platform_benchmark_award__hi",
    CAST(CAST("product_award__raw_lo" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "product_award__lo",
    CAST(CAST("product_award__raw_hi" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "product_award__hi",
    CAST(CAST("excellent_provider_award__raw_lo" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "excellent_provider_award__lo",
    CAST(CAST("excellent_provider_award__raw_hi" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "excellent_provider_award__hi",
    CAST(CAST("chain_award__raw_lo" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "chain_award__lo",
    CAST(CAST("chain_award__raw_hi" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "chain_award__hi",
    CAST(CAST("procurement_service__raw_lo" AS DECIMAL(3, 2)) AS DECIMAL(9, 2)) AS "procurement_service__lo",
    CAST(CAST("procurement_service__raw_hi" AS DECIMAL(3, 2)) AS DECIMAL(9, 2)) AS "procurement_service__hi"
  FROM r
), a0 AS (
  SELECT
    *,
    "reform_subsidy__lo" AS "reform_subsidy__a0_lo",
    "reform_subsidy__hi" AS "reform_subsidy__a0_hi",
    CASE
      WHEN "production_stage_extra__lo" IS NULL
      THEN CAST(0 AS DECIMAL(9, 2))
      ELSE "production_stage_extra__lo"
    END AS "production_stage_extra__a0_lo",
    "production_stage_extra__hi" AS "production_stage_extra__a0_hi",
    "cloud_platform_award__lo" AS "cloud_platform_award__a0_lo",
    "cloud_platform_award__hi" AS "cloud_platform_award__a0_hi",
    "platform_benchmark_award__lo" AS "platform_benchmark_award__a0_lo",
    "platform_benchmark_award__hi" AS "platform_benchmark_award__a0_hi",
    "product_award__lo" AS "product_award__a0_lo",
    "product_award__hi" AS "product_award__a0_hi",
    "excellent_provider_award__lo" AS "excellent_provider_award__a0_lo",
    "excellent_provider_award__hi" AS "excellent_provider_award__a0_hi",
    "chain_award__lo" AS "chain_award__a0_lo",
    "chain_award__hi" AS "chain_award__a0_hi",
    CASE
      WHEN "procurement_service__lo" IS NULL
      THEN CAST(0 AS DECIMAL(9, 2))
      ELSE "procurement_service__lo"
    END AS "procurement_service__a0_lo",
    "procurement_service__hi" AS "procurement_service__a0_hi"
  FROM i
), c1l AS (
  SELECT
    *,
    CAST(CAST("cap1__raw" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "cap1__lim_lo",
    CAST(CAST("cap1__raw__q1" AS DECIMAL(8, 2)) AS DECIMAL(9, 2)) AS "cap1__lim_lo__q1"
  FROM a0 AS p
), c1m AS (
  SELECT
    *,
    "cap1__lim_lo" AS "cap1__room0",
    "cap1__lim_lo" AS "cap1__lim_hi",
    "cap1__lim_lo__q1" AS "cap1__room0__q1",
    "cap1__lim_lo__q1" AS "cap1__lim_hi__q1"
  FROM c1l
), c1a0 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "product_award__applies"
      THEN LEAST("product_award__a0_lo", "cap1__room0")
      ELSE "product_award__a0_lo"
    END AS DECIMAL(9, 2)) AS "product_award__c1_lo",
    CASE
      WHEN "product_award__applies"
      THEN GREATEST((
        "cap1__room0"
      ) - (
        "product_award__a0_lo"
      ), 0)
      ELSE "cap1__room0"
    END AS "cap1__room1",
    CAST(CASE
      WHEN "product_award__applies"
      THEN LEAST("product_award__a0_lo", "cap1__room0__q1")
      ELSE "product_award__a0_lo"
    END AS DECIMAL(9, 2)) AS "product_award__c1_lo__q1",
    CASE
      WHEN "product_award__applies"
      THEN GREATEST((
        "cap1__room0__q1"
      ) - (
        "product_award__a0_lo"
      ), 0)
      ELSE "cap1__room0__q1"
    END AS "cap1__room1__q1",
    CAST(CASE
      WHEN "product_award__applies__q2"
      THEN LEAST("product_award__a0_lo", "cap1__room0")
      ELSE "product_award__a0_lo"
    END AS DECIMAL(9, 2)) AS "product_award__c1_lo__q2",
    CASE
      WHEN "product_award__applies__q2"
      THEN GREATEST((
        "cap1__room0"
      ) - (
        "product_award__a0_lo"
      ), 0)
      ELSE "cap1__room0"
    END AS "cap1__room1__q2",
    CAST(CASE
      WHEN "product_award__applies__q2"
      THEN LEAST("product_award__a0_lo", "cap1__room0__q1")
      ELSE "product_award__a0_lo"
    END AS DECIMAL(9, 2)) AS "product_award__c1_lo__q3",
    CASE
      WHEN "product_award__applies__q2"
      THEN GREATEST((
        "cap1__room0__q1"
      ) - (
        "product_award__a0_lo"
      ), 0)
      ELSE "cap1__room0__q1"
    END AS "cap1__room1__q3"
  FROM c1m
), c1a1 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "excellent_provider_award__applies"
      THEN LEAST("excellent_provider_award__a0_lo", "cap1__room1")
      ELSE "excellent_provider_award__a0_lo"
    END AS DECIMAL(9, 2)) AS "excellent_provider_award__c1_lo",
    CASE
      WHEN "excellent_provider_award__applies"
      THEN GREATEST((
        "cap1__room1"
      ) - (
        "excellent_provider_award__a0_lo"
      ), 0)
      ELSE "cap1__room1"
    END AS "cap1__room2",
    CAST(CASE
      WHEN "excellent_provider_award__applies"
      THEN LEAST("excellent_provider_award__a0_lo", "cap1__room1__q1")
      ELSE "excellent_provider_award__a0_lo"
    END AS DECIMAL(9, 2)) AS "excellent_provider_award__c1_lo__q1",
    CASE
      WHEN "excellent_provider_award__applies"
      THEN GREATEST((
        "cap1__room1__q1"
      ) - (
        "excellent_provider_award__a0_lo"
      ), 0)
      ELSE "cap1__room1__q1"
    END AS "cap1__room2__q1",
    CAST(CASE
      WHEN "excellent_provider_award__applies__q2"
      THEN LEAST("excellent_provider_award__a0_lo", "cap1__room1__q2")
      ELSE "excellent_provider_award__a0_lo"
    END AS DECIMAL(9, 2)) AS "excellent_provider_award__c1_lo__q2",
    CASE
      WHEN "excellent_provider_award__applies__q2"
      THEN GREATEST((
        "cap1__room1__q2"
      ) - (
        "excellent_provider_award__a0_lo"
      ), 0)
      ELSE "cap1__room1__q2"
    END AS "cap1__room2__q2",
    CAST(CASE
      WHEN "excellent_provider_award__applies__q2"
      THEN LEAST("excellent_provider_award__a0_lo", "cap1__room1__q3")
      ELSE "excellent_provider_award__a0_lo"
    END AS DECIMAL(9, 2)) AS "excellent_provider_award__c1_lo__q3",
    CASE
      WHEN "excellent_provider_award__applies__q2"
      THEN GREATEST((
        "cap1__room1__q3"
      ) - (
        "excellent_provider_award__a0_lo"
      ), 0)
      ELSE "cap1__room1__q3"
    END AS "cap1__room2__q3"
  FROM c1a0
), c1s AS (
  SELECT
    *,
    GREATEST(
      (
        "cap1__lim_hi"
      ) - (
        (
          (
            CAST(0 AS DECIMAL(9, 2))
          ) + (
            CASE
              WHEN "product_award__applies"
              THEN "product_award__c1_lo"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "excellent_provider_award__applies"
            THEN "excellent_provider_award__c1_lo"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ),
      0
    ) AS "cap1__spare0",
    GREATEST(
      (
        "cap1__lim_hi__q1"
      ) - (
        (
          (
            CAST(0 AS DECIMAL(9, 2))
          ) + (
            CASE
              WHEN "product_award__applies"
              THEN "product_award__c1_lo__q1"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "excellent_provider_award__applies"
            THEN "excellent_provider_award__c1_lo__q1"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ),
      0
    ) AS "cap1__spare0__q1",
    GREATEST(
      (
        "cap1__lim_hi"
      ) - (
        (
          (
            CAST(0 AS DECIMAL(9, 2))
          ) + (
            CASE
              WHEN "product_award__applies__q2"
              THEN "product_award__c1_lo__q2"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "excellent_provider_award__applies__q2"
            THEN "excellent_provider_award__c1_lo__q2"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ),
      0
    ) AS "cap1__spare0__q2",
    GREATEST(
      (
        "cap1__lim_hi__q1"
      ) - (
        (
          (
            CAST(0 AS DECIMAL(9, 2))
          ) + (
            CASE
              WHEN "product_award__applies__q2"
              THEN "product_award__c1_lo__q3"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "excellent_provider_award__applies__q2"
            THEN "excellent_provider_award__c1_lo__q3"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ),
      0
    ) AS "cap1__spare0__q3"
  FROM c1a1
), c1b0 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "product_award__applies"
      THEN (
        "product_award__c1_lo"
      ) + (
        CASE
          WHEN "product_award__a0_hi" IS NULL
          THEN "cap1__spare0"
          ELSE LEAST((
            "product_award__a0_hi"
          ) - (
            "product_award__c1_lo"
          ), "cap1__spare0")
        END
      )
      ELSE "product_award__a0_hi"
    END AS DECIMAL(9, 2)) AS "product_award__c1_hi",
    CASE
      WHEN "product_award__applies"
      THEN CASE
        WHEN "product_award__a0_hi" IS NULL
        THEN CAST(0 AS DECIMAL(9, 2))
        ELSE GREATEST(
          (
            "cap1__spare0"
          ) - (
            (
              "product_award__a0_hi"
            ) - (
              "product_award__c1_lo"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare0"
    END AS "cap1__spare1",
    CAST(CASE
      WHEN "product_award__applies"
      THEN (
        "product_award__c1_lo__q1"
      ) + (
        CASE
          WHEN "product_award__a0_hi" IS NULL
          THEN "cap1__spare0__q1"
          ELSE LEAST(
            (
              "product_award__a0_hi"
            ) - (
              "product_award__c1_lo__q1"
            ),
            "cap1__spare0__q1"
          )
        END
      )
      ELSE "product_award__a0_hi"
    END AS DECIMAL(9, 2)) AS "product_award__c1_hi__q1",
    CASE
      WHEN "product_award__applies"
      THEN CASE
        WHEN "product_award__a0_hi" IS NULL
        THEN CAST(0 AS DECIMAL(9, 2))
        ELSE GREATEST(
          (
            "cap1__spare0__q1"
          ) - (
            (
              "product_award__a0_hi"
            ) - (
              "product_award__c1_lo__q1"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare0__q1"
    END AS "cap1__spare1__q1",
    CAST(CASE
      WHEN "product_award__applies__q2"
      THEN (
        "product_award__c1_lo__q2"
      ) + (
        CASE
          WHEN "product_award__a0_hi" IS NULL
          THEN "cap1__spare0__q2"
          ELSE LEAST(
            (
              "product_award__a0_hi"
            ) - (
              "product_award__c1_lo__q2"
            ),
            "cap1__spare0__q2"
          )
        END
      )
      ELSE "product_award__a0_hi"
    END AS DECIMAL(9, 2)) AS "product_award__c1_hi__q2",
    CASE
      WHEN "product_award__applies__q2"
      THEN CASE
        WHEN "product_award__a0_hi" IS NULL
        THEN CAST(0 AS DECIMAL(9, 2))
        ELSE GREATEST(
          (
            "cap1__spare0__q2"
          ) - (
            (
              "product_award__a0_hi"
            ) - (
              "product_award__c1_lo__q2"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare0__q2"
    END AS "cap1__spare1__q2",
    CAST(CASE
      WHEN "product_award__applies__q2"
      THEN (
        "product_award__c1_lo__q3"
      ) + (
        CASE
          WHEN "product_award__a0_hi" IS NULL
          THEN "cap1__spare0__q3"
          ELSE LEAST(
            (
              "product_award__a0_hi"
            ) - (
              "product_award__c1_lo__q3"
            ),
            "cap1__spare0__q3"
          )
        END
      )
      ELSE "product_award__a0_hi"
    END AS DECIMAL(9, 2)) AS "product_award__c1_hi__q3",
    CASE
      WHEN "product_award__applies__q2"
      THEN CASE
        WHEN "product_award__a0_hi" IS NULL
        THEN CAST(0 AS DECIMAL(9, 2))
        ELSE GREATEST(
          (
            "cap1__spare0__q3"
          ) - (
            (
              "product_award__a0_hi"
            ) - (
              "product_award__c1_lo__q3"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare0__q3"
    END AS "cap1__spare1__q3"
  FROM c1s
), c1b1 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "excellent_provider_award__applies"
      THEN (
        "excellent_provider_award__c1_lo"
      ) + (
        CASE
          WHEN "excellent_provider_award__a0_hi" IS NULL
          THEN "cap1__spare1"
          ELSE LEAST(
            (
              "excellent_provider_award__a0_hi"
            ) - (
              "excellent_provider_award__c1_lo"
            ),
            "cap1__spare1"
          )
        END
      )
      ELSE "excellent_provider_award__a0_hi"
    END AS DECIMAL(9, 2)) AS "excellent_provider_award__c1_hi",
    CASE
      WHEN "excellent_provider_award__applies"
      THEN CASE
        WHEN "excellent_provider_award__a0_hi" IS NULL
        THEN CAST(0 AS DECIMAL(9, 2))
        ELSE GREATEST(
          (
            "cap1__spare1"
          ) - (
            (
              "excellent_provider_award__a0_hi"
            ) - (
              "excellent_provider_award__c1_lo"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare1"
    END AS "cap1__spare2",
    CAST(CASE
      WHEN "excellent_provider_award__applies"
      THEN (
        "excellent_provider_award__c1_lo__q1"
      ) + (
        CASE
          WHEN "excellent_provider_award__a0_hi" IS NULL
          THEN "cap1__spare1__q1"
          ELSE LEAST(
            (
              "excellent_provider_award__a0_hi"
            ) - (
              "excellent_provider_award__c1_lo__q1"
            ),
            "cap1__spare1__q1"
          )
        END
      )
      ELSE "excellent_provider_award__a0_hi"
    END AS DECIMAL(9, 2)) AS "excellent_provider_award__c1_hi__q1",
    CASE
      WHEN "excellent_provider_award__applies"
      THEN CASE
        WHEN "excellent_provider_award__a0_hi" IS NULL
        THEN CAST(0 AS DECIMAL(9, 2))
        ELSE GREATEST(
          (
            "cap1__spare1__q1"
          ) - (
            (
              "excellent_provider_award__a0_hi"
            ) - (
              "excellent_provider_award__c1_lo__q1"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare1__q1"
    END AS "cap1__spare2__q1",
    CAST(CASE
      WHEN "excellent_provider_award__applies__q2"
      THEN (
        "excellent_provider_award__c1_lo__q2"
      ) + (
        CASE
          WHEN "excellent_provider_award__a0_hi" IS NULL
          THEN "cap1__spare1__q2"
          ELSE LEAST(
            (
              "excellent_provider_award__a0_hi"
            ) - (
              "excellent_provider_award__c1_lo__q2"
            ),
            "cap1__spare1__q2"
          )
        END
      )
      ELSE "excellent_provider_award__a0_hi"
    END AS DECIMAL(9, 2)) AS "excellent_provider_award__c1_hi__q2",
    CASE
      WHEN "excellent_provider_award__applies__q2"
      THEN CASE
        WHEN "excellent_provider_award__a0_hi" IS NULL
        THEN CAST(0 AS DECIMAL(9, 2))
        ELSE GREATEST(
          (
            "cap1__spare1__q2"
          ) - (
            (
              "excellent_provider_award__a0_hi"
            ) - (
              "excellent_provider_award__c1_lo__q2"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare1__q2"
    END AS "cap1__spare2__q2",
    CAST(CASE
      WHEN "excellent_provider_award__applies__q2"
      THEN (
        "excellent_provider_award__c1_lo__q3"
      ) + (
        CASE
          WHEN "excellent_provider_award__a0_hi" IS NULL
          THEN "cap1__spare1__q3"
          ELSE LEAST(
            (
              "excellent_provider_award__a0_hi"
            ) - (
              "excellent_provider_award__c1_lo__q3"
            ),
            "cap1__spare1__q3"
          )
        END
      )
      ELSE "excellent_provider_award__a0_hi"
    END AS DECIMAL(9, 2)) AS "excellent_provider_award__c1_hi__q3",
    CASE
      WHEN "excellent_provider_award__applies__q2"
      THEN CASE
        WHEN "excellent_provider_award__a0_hi" IS NULL
        THEN CAST(0 AS DECIMAL(9, 2))
        ELSE GREATEST(
          (
            "cap1__spare1__q3"
          ) - (
            (
              "excellent_provider_award__a0_hi"
            ) - (
              "excellent_provider_award__c1_lo__q3"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare1__q3"
    END AS "cap1__spare2__q3"
  FROM c1b0
), res AS (
  SELECT
    "row_id",
    "error_field",
    CASE WHEN "error_field" IS NULL THEN "in_force" ELSE NULL END AS "in_force",
    CASE WHEN "error_field" IS NULL THEN "excluded" ELSE NULL END AS "excluded",
    CASE WHEN "error_field" IS NULL THEN "reform_subsidy__applies" ELSE NULL END AS "reform_subsidy__applies",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST("reform_subsidy__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "reform_subsidy__min",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST("reform_subsidy__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "reform_subsidy__max",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST("reform_subsidy__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST("reform_subsidy__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_max",
    CASE WHEN "error_field" IS NULL THEN "production_stage_extra__applies" ELSE NULL END AS "production_stage_extra__applies",
    CASE
      WHEN "error_field" IS NULL AND "production_stage_extra__applies"
      THEN CAST("production_stage_extra__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "production_stage_extra__min",
    CASE
      WHEN "error_field" IS NULL AND "production_stage_extra__applies"
      THEN CAST("production_stage_extra__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "production_stage_extra__max",
    CASE
      WHEN "error_field" IS NULL AND "production_stage_extra__applies"
      THEN CAST("production_stage_extra__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "production_stage_extra__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "production_stage_extra__applies"
      THEN CAST("production_stage_extra__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "production_stage_extra__paid_max",
    CASE WHEN "error_field" IS NULL THEN "cloud_platform_award__applies" ELSE NULL END AS "cloud_platform_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "cloud_platform_award__applies"
      THEN CAST("cloud_platform_award__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "cloud_platform_award__min",
    CASE
      WHEN "error_field" IS NULL AND "cloud_platform_award__applies"
      THEN CAST("cloud_platform_award__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "cloud_platform_award__max",
    CASE
      WHEN "error_field" IS NULL AND "cloud_platform_award__applies"
      THEN CAST("cloud_platform_award__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "cloud_platform_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "cloud_platform_award__applies"
      THEN CAST("cloud_platform_award__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "cloud_platform_award__paid_max",
    CASE
      WHEN "error_field" IS NULL
      THEN "platform_benchmark_award__applies"
      ELSE NULL
    END AS "platform_benchmark_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "platform_benchmark_award__applies"
      THEN CAST("platform_benchmark_award__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "platform_benchmark_award__min",
    CASE
      WHEN "error_field" IS NULL AND "platform_benchmark_award__applies"
      THEN CAST("platform_benchmark_award__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "platform_benchmark_award__max",
    CASE
      WHEN "error_field" IS NULL AND "platform_benchmark_award__applies"
      THEN CAST("platform_benchmark_award__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "platform_benchmark_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "platform_benchmark_award__applies"
      THEN CAST("platform_benchmark_award__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "platform_benchmark_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "product_award__applies" ELSE NULL END AS "product_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies"
      THEN CAST("product_award__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__min",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies"
      THEN CAST("product_award__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__max",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies"
      THEN CAST("product_award__c1_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies"
      THEN CAST("product_award__c1_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__paid_max",
    CASE
      WHEN "error_field" IS NULL
      THEN "excellent_provider_award__applies"
      ELSE NULL
    END AS "excellent_provider_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies"
      THEN CAST("excellent_provider_award__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__min",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies"
      THEN CAST("excellent_provider_award__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__max",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies"
      THEN CAST("excellent_provider_award__c1_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies"
      THEN CAST("excellent_provider_award__c1_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "chain_award__applies" ELSE NULL END AS "chain_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST("chain_award__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "chain_award__min",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST("chain_award__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "chain_award__max",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST("chain_award__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "chain_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST("chain_award__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "chain_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "procurement_service__applies" ELSE NULL END AS "procurement_service__applies",
    CASE
      WHEN "error_field" IS NULL AND "procurement_service__applies"
      THEN CAST("procurement_service__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "procurement_service__min",
    CASE
      WHEN "error_field" IS NULL AND "procurement_service__applies"
      THEN CAST("procurement_service__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "procurement_service__max",
    CASE
      WHEN "error_field" IS NULL AND "procurement_service__applies"
      THEN CAST("procurement_service__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "procurement_service__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "procurement_service__applies"
      THEN CAST("procurement_service__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "procurement_service__paid_max",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies"
                        THEN "reform_subsidy__a0_lo"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies"
                      THEN "production_stage_extra__a0_lo"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies"
                    THEN "cloud_platform_award__a0_lo"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies"
                  THEN "platform_benchmark_award__a0_lo"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies"
                THEN "product_award__c1_lo"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies"
              THEN "excellent_provider_award__c1_lo"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies"
            THEN "chain_award__a0_lo"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies"
          THEN "procurement_service__a0_lo"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "total_min",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies"
                        THEN "reform_subsidy__a0_hi"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies"
                      THEN "production_stage_extra__a0_hi"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies"
                    THEN "cloud_platform_award__a0_hi"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies"
                  THEN "platform_benchmark_award__a0_hi"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies"
                THEN "product_award__c1_hi"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies"
              THEN "excellent_provider_award__c1_hi"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies"
            THEN "chain_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies"
          THEN "procurement_service__a0_hi"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "total_max",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies" AND NOT "reform_subsidy__a0_hi" IS NULL
                        THEN "reform_subsidy__a0_hi"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies" AND NOT "production_stage_extra__a0_hi" IS NULL
                      THEN "production_stage_extra__a0_hi"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies" AND NOT "cloud_platform_award__a0_hi" IS NULL
                    THEN "cloud_platform_award__a0_hi"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies"
                  AND NOT "platform_benchmark_award__a0_hi" IS NULL
                  THEN "platform_benchmark_award__a0_hi"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies" AND NOT "product_award__c1_hi" IS NULL
                THEN "product_award__c1_hi"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies"
              AND NOT "excellent_provider_award__c1_hi" IS NULL
              THEN "excellent_provider_award__c1_hi"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies" AND NOT "chain_award__a0_hi" IS NULL
            THEN "chain_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies" AND NOT "procurement_service__a0_hi" IS NULL
          THEN "procurement_service__a0_hi"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "funding_central",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(9, 2)) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "funding_province",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(9, 2)) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "funding_city",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(9, 2)) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "funding_county",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(9, 2)) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "funding_unspecified",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies"
      THEN CAST("product_award__c1_lo__q1" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__paid_min__q1",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies"
      THEN CAST("product_award__c1_hi__q1" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__paid_max__q1",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies"
      THEN CAST("excellent_provider_award__c1_lo__q1" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__paid_min__q1",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies"
      THEN CAST("excellent_provider_award__c1_hi__q1" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__paid_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies"
                        THEN "reform_subsidy__a0_lo"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies"
                      THEN "production_stage_extra__a0_lo"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies"
                    THEN "cloud_platform_award__a0_lo"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies"
                  THEN "platform_benchmark_award__a0_lo"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies"
                THEN "product_award__c1_lo__q1"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies"
              THEN "excellent_provider_award__c1_lo__q1"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies"
            THEN "chain_award__a0_lo"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies"
          THEN "procurement_service__a0_lo"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "total_min__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies"
                        THEN "reform_subsidy__a0_hi"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies"
                      THEN "production_stage_extra__a0_hi"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies"
                    THEN "cloud_platform_award__a0_hi"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies"
                  THEN "platform_benchmark_award__a0_hi"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies"
                THEN "product_award__c1_hi__q1"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies"
              THEN "excellent_provider_award__c1_hi__q1"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies"
            THEN "chain_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies"
          THEN "procurement_service__a0_hi"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "total_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies" AND NOT "reform_subsidy__a0_hi" IS NULL
                        THEN "reform_subsidy__a0_hi"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies" AND NOT "production_stage_extra__a0_hi" IS NULL
                      THEN "production_stage_extra__a0_hi"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies" AND NOT "cloud_platform_award__a0_hi" IS NULL
                    THEN "cloud_platform_award__a0_hi"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies"
                  AND NOT "platform_benchmark_award__a0_hi" IS NULL
                  THEN "platform_benchmark_award__a0_hi"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies" AND NOT "product_award__c1_hi__q1" IS NULL
                THEN "product_award__c1_hi__q1"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies"
              AND NOT "excellent_provider_award__c1_hi__q1" IS NULL
              THEN "excellent_provider_award__c1_hi__q1"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies" AND NOT "chain_award__a0_hi" IS NULL
            THEN "chain_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies" AND NOT "procurement_service__a0_hi" IS NULL
          THEN "procurement_service__a0_hi"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "funding_central__q1",
    CASE WHEN "error_field" IS NULL THEN "excluded__q2" ELSE NULL END AS "excluded__q2",
    CASE WHEN "error_field" IS NULL THEN "reform_subsidy__applies__q2" ELSE NULL END AS "reform_subsidy__applies__q2",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q2"
      THEN CAST("reform_subsidy__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "reform_subsidy__min__q2",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q2"
      THEN CAST("reform_subsidy__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "reform_subsidy__max__q2",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q2"
      THEN CAST("reform_subsidy__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_min__q2",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q2"
      THEN CAST("reform_subsidy__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_max__q2",
    CASE
      WHEN "error_field" IS NULL
      THEN "production_stage_extra__applies__q2"
      ELSE NULL
    END AS "production_stage_extra__applies__q2",
    CASE
      WHEN "error_field" IS NULL AND "production_stage_extra__applies__q2"
      THEN CAST("production_stage_extra__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "production_stage_extra__min__q2",
    CASE
      WHEN "error_field" IS NULL AND "production_stage_extra__applies__q2"
      THEN CAST("production_stage_extra__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "production_stage_extra__max__q2",
    CASE
      WHEN "error_field" IS NULL AND "production_stage_extra__applies__q2"
      THEN CAST("production_stage_extra__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "production_stage_extra__paid_min__q2",
    CASE
      WHEN "error_field" IS NULL AND "production_stage_extra__applies__q2"
      THEN CAST("production_stage_extra__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "production_stage_extra__paid_max__q2",
    CASE
      WHEN "error_field" IS NULL
      THEN "cloud_platform_award__applies__q2"
      ELSE NULL
    END AS "cloud_platform_award__applies__q2",
    CASE
      WHEN "error_field" IS NULL AND "cloud_platform_award__applies__q2"
      THEN CAST("cloud_platform_award__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "cloud_platform_award__min__q2",
    CASE
      WHEN "error_field" IS NULL AND "cloud_platform_award__applies__q2"
      THEN CAST("cloud_platform_award__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "cloud_platform_award__max__q2",
    CASE
      WHEN "error_field" IS NULL AND "cloud_platform_award__applies__q2"
      THEN CAST("cloud_platform_award__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "cloud_platform_award__paid_min__q2",
    CASE
      WHEN "error_field" IS NULL AND "cloud_platform_award__applies__q2"
      THEN CAST("cloud_platform_award__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "cloud_platform_award__paid_max__q2",
    CASE
      WHEN "error_field" IS NULL
      THEN "platform_benchmark_award__applies__q2"
      ELSE NULL
    END AS "platform_benchmark_award__applies__q2",
    CASE
      WHEN "error_field" IS NULL AND "platform_benchmark_award__applies__q2"
      THEN CAST("platform_benchmark_award__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "platform_benchmark_award__min__q2",
    CASE
      WHEN "error_field" IS NULL AND "platform_benchmark_award__applies__q2"
      THEN CAST("platform_benchmark_award__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "platform_benchmark_award__max__q2",
    CASE
      WHEN "error_field" IS NULL AND "platform_benchmark_award__applies__q2"
      THEN CAST("platform_benchmark_award__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "platform_benchmark_award__paid_min__q2",
    CASE
      WHEN "error_field" IS NULL AND "platform_benchmark_award__applies__q2"
      THEN CAST("platform_benchmark_award__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "platform_benchmark_award__paid_max__q2",
    CASE WHEN "error_field" IS NULL THEN "product_award__applies__q2" ELSE NULL END AS "product_award__applies__q2",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies__q2"
      THEN CAST("product_award__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__min__q2",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies__q2"
      THEN CAST("product_award__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__max__q2",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies__q2"
      THEN CAST("product_award__c1_lo__q2" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__paid_min__q2",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies__q2"
      THEN CAST("product_award__c1_hi__q2" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__paid_max__q2",
    CASE
      WHEN "error_field" IS NULL
      THEN "excellent_provider_award__applies__q2"
      ELSE NULL
    END AS "excellent_provider_award__applies__q2",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies__q2"
      THEN CAST("excellent_provider_award__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__min__q2",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies__q2"
      THEN CAST("excellent_provider_award__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__max__q2",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies__q2"
      THEN CAST("excellent_provider_award__c1_lo__q2" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__paid_min__q2",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies__q2"
      THEN CAST("excellent_provider_award__c1_hi__q2" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__paid_max__q2",
    CASE WHEN "error_field" IS NULL THEN "chain_award__applies__q2" ELSE NULL END AS "chain_award__applies__q2",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q2"
      THEN CAST("chain_award__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "chain_award__min__q2",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q2"
      THEN CAST("chain_award__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "chain_award__max__q2",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q2"
      THEN CAST("chain_award__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "chain_award__paid_min__q2",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q2"
      THEN CAST("chain_award__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "chain_award__paid_max__q2",
    CASE
      WHEN "error_field" IS NULL
      THEN "procurement_service__applies__q2"
      ELSE NULL
    END AS "procurement_service__applies__q2",
    CASE
      WHEN "error_field" IS NULL AND "procurement_service__applies__q2"
      THEN CAST("procurement_service__lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "procurement_service__min__q2",
    CASE
      WHEN "error_field" IS NULL AND "procurement_service__applies__q2"
      THEN CAST("procurement_service__hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "procurement_service__max__q2",
    CASE
      WHEN "error_field" IS NULL AND "procurement_service__applies__q2"
      THEN CAST("procurement_service__a0_lo" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "procurement_service__paid_min__q2",
    CASE
      WHEN "error_field" IS NULL AND "procurement_service__applies__q2"
      THEN CAST("procurement_service__a0_hi" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "procurement_service__paid_max__q2",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies__q2"
                        THEN "reform_subsidy__a0_lo"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies__q2"
                      THEN "production_stage_extra__a0_lo"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies__q2"
                    THEN "cloud_platform_award__a0_lo"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies__q2"
                  THEN "platform_benchmark_award__a0_lo"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies__q2"
                THEN "product_award__c1_lo__q2"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies__q2"
              THEN "excellent_provider_award__c1_lo__q2"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies__q2"
            THEN "chain_award__a0_lo"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies__q2"
          THEN "procurement_service__a0_lo"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "total_min__q2",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies__q2"
                        THEN "reform_subsidy__a0_hi"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies__q2"
                      THEN "production_stage_extra__a0_hi"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies__q2"
                    THEN "cloud_platform_award__a0_hi"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies__q2"
                  THEN "platform_benchmark_award__a0_hi"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies__q2"
                THEN "product_award__c1_hi__q2"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies__q2"
              THEN "excellent_provider_award__c1_hi__q2"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies__q2"
            THEN "chain_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies__q2"
          THEN "procurement_service__a0_hi"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "total_max__q2",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies__q2" AND NOT "reform_subsidy__a0_hi" IS NULL
                        THEN "reform_subsidy__a0_hi"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies__q2"
                      AND NOT "production_stage_extra__a0_hi" IS NULL
                      THEN "production_stage_extra__a0_hi"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies__q2" AND NOT "cloud_platform_award__a0_hi" IS NULL
                    THEN "cloud_platform_award__a0_hi"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies__q2"
                  AND NOT "platform_benchmark_award__a0_hi" IS NULL
                  THEN "platform_benchmark_award__a0_hi"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies__q2" AND NOT "product_award__c1_hi__q2" IS NULL
                THEN "product_award__c1_hi__q2"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies__q2"
              AND NOT "excellent_provider_award__c1_hi__q2" IS NULL
              THEN "excellent_provider_award__c1_hi__q2"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies__q2" AND NOT "chain_award__a0_hi" IS NULL
            THEN "chain_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies__q2" AND NOT "procurement_service__a0_hi" IS NULL
          THEN "procurement_service__a0_hi"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "funding_central__q2",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies__q2"
      THEN CAST("product_award__c1_lo__q3" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__paid_min__q3",
    CASE
      WHEN "error_field" IS NULL AND "product_award__applies__q2"
      THEN CAST("product_award__c1_hi__q3" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "product_award__paid_max__q3",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies__q2"
      THEN CAST("excellent_provider_award__c1_lo__q3" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__paid_min__q3",
    CASE
      WHEN "error_field" IS NULL AND "excellent_provider_award__applies__q2"
      THEN CAST("excellent_provider_award__c1_hi__q3" AS DECIMAL(9, 2))
      ELSE NULL
    END AS "excellent_provider_award__paid_max__q3",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies__q2"
                        THEN "reform_subsidy__a0_lo"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies__q2"
                      THEN "production_stage_extra__a0_lo"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies__q2"
                    THEN "cloud_platform_award__a0_lo"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies__q2"
                  THEN "platform_benchmark_award__a0_lo"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies__q2"
                THEN "product_award__c1_lo__q3"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies__q2"
              THEN "excellent_provider_award__c1_lo__q3"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies__q2"
            THEN "chain_award__a0_lo"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies__q2"
          THEN "procurement_service__a0_lo"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "total_min__q3",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies__q2"
                        THEN "reform_subsidy__a0_hi"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies__q2"
                      THEN "production_stage_extra__a0_hi"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies__q2"
                    THEN "cloud_platform_award__a0_hi"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies__q2"
                  THEN "platform_benchmark_award__a0_hi"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies__q2"
                THEN "product_award__c1_hi__q3"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies__q2"
              THEN "excellent_provider_award__c1_hi__q3"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies__q2"
            THEN "chain_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies__q2"
          THEN "procurement_service__a0_hi"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "total_max__q3",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              (
                (
                  (
                    (
                      CAST(0 AS DECIMAL(9, 2))
                    ) + (
                      CASE
                        WHEN "reform_subsidy__applies__q2" AND NOT "reform_subsidy__a0_hi" IS NULL
                        THEN "reform_subsidy__a0_hi"
                        ELSE CAST(0 AS DECIMAL(9, 2))
                      END
                    )
                  ) + (
                    CASE
                      WHEN "production_stage_extra__applies__q2"
                      AND NOT "production_stage_extra__a0_hi" IS NULL
                      THEN "production_stage_extra__a0_hi"
                      ELSE CAST(0 AS DECIMAL(9, 2))
                    END
                  )
                ) + (
                  CASE
                    WHEN "cloud_platform_award__applies__q2" AND NOT "cloud_platform_award__a0_hi" IS NULL
                    THEN "cloud_platform_award__a0_hi"
                    ELSE CAST(0 AS DECIMAL(9, 2))
                  END
                )
              ) + (
                CASE
                  WHEN "platform_benchmark_award__applies__q2"
                  AND NOT "platform_benchmark_award__a0_hi" IS NULL
                  THEN "platform_benchmark_award__a0_hi"
                  ELSE CAST(0 AS DECIMAL(9, 2))
                END
              )
            ) + (
              CASE
                WHEN "product_award__applies__q2" AND NOT "product_award__c1_hi__q3" IS NULL
                THEN "product_award__c1_hi__q3"
                ELSE CAST(0 AS DECIMAL(9, 2))
              END
            )
          ) + (
            CASE
              WHEN "excellent_provider_award__applies__q2"
              AND NOT "excellent_provider_award__c1_hi__q3" IS NULL
              THEN "excellent_provider_award__c1_hi__q3"
              ELSE CAST(0 AS DECIMAL(9, 2))
            END
          )
        ) + (
          CASE
            WHEN "chain_award__applies__q2" AND NOT "chain_award__a0_hi" IS NULL
            THEN "chain_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(9, 2))
          END
        )
      ) + (
        CASE
          WHEN "procurement_service__applies__q2" AND NOT "procurement_service__a0_hi" IS NULL
          THEN "procurement_service__a0_hi"
          ELSE CAST(0 AS DECIMAL(9, 2))
        END
      ) AS DECIMAL(9, 2))
      ELSE NULL
    END AS "funding_central__q3"
  FROM c1b1
)
SELECT
  "row_id",
  "error_field",
  "in_force",
  CASE WHEN "error_field" IS NULL THEN "excluded" AND "excluded__q2" ELSE NULL END AS "excluded",
  CASE
    WHEN "error_field" IS NULL
    THEN "reform_subsidy__applies" OR "reform_subsidy__applies__q2"
    ELSE NULL
  END AS "reform_subsidy__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "reform_subsidy__applies" OR "reform_subsidy__applies__q2"
      )
      AND NOT (
        (
          "reform_subsidy__applies" AND "reform_subsidy__min" IS NULL
        )
        OR (
          "reform_subsidy__applies__q2" AND "reform_subsidy__min__q2" IS NULL
        )
      )
      THEN LEAST(
        CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__min" ELSE 0 END,
        CASE WHEN "reform_subsidy__applies__q2" THEN "reform_subsidy__min__q2" ELSE 0 END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "reform_subsidy__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "reform_subsidy__applies" OR "reform_subsidy__applies__q2"
      )
      AND NOT (
        (
          "reform_subsidy__applies" AND "reform_subsidy__min" IS NULL
        )
        OR (
          "reform_subsidy__applies__q2" AND "reform_subsidy__min__q2" IS NULL
        )
      )
      THEN CASE
        WHEN CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__max" ELSE 0 END IS NULL
        OR CASE WHEN "reform_subsidy__applies__q2" THEN "reform_subsidy__max__q2" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__max" ELSE 0 END,
          CASE WHEN "reform_subsidy__applies__q2" THEN "reform_subsidy__max__q2" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "reform_subsidy__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "reform_subsidy__applies" OR "reform_subsidy__applies__q2"
      THEN CASE
        WHEN CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_min" ELSE 0 END IS NULL
        OR CASE
          WHEN "reform_subsidy__applies__q2"
          THEN "reform_subsidy__paid_min__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_min" ELSE 0 END,
          CASE
            WHEN "reform_subsidy__applies__q2"
            THEN "reform_subsidy__paid_min__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "reform_subsidy__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "reform_subsidy__applies" OR "reform_subsidy__applies__q2"
      THEN CASE
        WHEN CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_max" ELSE 0 END IS NULL
        OR CASE
          WHEN "reform_subsidy__applies__q2"
          THEN "reform_subsidy__paid_max__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_max" ELSE 0 END,
          CASE
            WHEN "reform_subsidy__applies__q2"
            THEN "reform_subsidy__paid_max__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "reform_subsidy__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN "production_stage_extra__applies" OR "production_stage_extra__applies__q2"
    ELSE NULL
  END AS "production_stage_extra__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "production_stage_extra__applies" OR "production_stage_extra__applies__q2"
      )
      AND NOT (
        (
          "production_stage_extra__applies" AND "production_stage_extra__min" IS NULL
        )
        OR (
          "production_stage_extra__applies__q2"
          AND "production_stage_extra__min__q2" IS NULL
        )
      )
      THEN LEAST(
        CASE
          WHEN "production_stage_extra__applies"
          THEN "production_stage_extra__min"
          ELSE 0
        END,
        CASE
          WHEN "production_stage_extra__applies__q2"
          THEN "production_stage_extra__min__q2"
          ELSE 0
        END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "production_stage_extra__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "production_stage_extra__applies" OR "production_stage_extra__applies__q2"
      )
      AND NOT (
        (
          "production_stage_extra__applies" AND "production_stage_extra__min" IS NULL
        )
        OR (
          "production_stage_extra__applies__q2"
          AND "production_stage_extra__min__q2" IS NULL
        )
      )
      THEN CASE
        WHEN CASE
          WHEN "production_stage_extra__applies"
          THEN "production_stage_extra__max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "production_stage_extra__applies__q2"
          THEN "production_stage_extra__max__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "production_stage_extra__applies"
            THEN "production_stage_extra__max"
            ELSE 0
          END,
          CASE
            WHEN "production_stage_extra__applies__q2"
            THEN "production_stage_extra__max__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "production_stage_extra__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "production_stage_extra__applies" OR "production_stage_extra__applies__q2"
      THEN CASE
        WHEN CASE
          WHEN "production_stage_extra__applies"
          THEN "production_stage_extra__paid_min"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "production_stage_extra__applies__q2"
          THEN "production_stage_extra__paid_min__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE
            WHEN "production_stage_extra__applies"
            THEN "production_stage_extra__paid_min"
            ELSE 0
          END,
          CASE
            WHEN "production_stage_extra__applies__q2"
            THEN "production_stage_extra__paid_min__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "production_stage_extra__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "production_stage_extra__applies" OR "production_stage_extra__applies__q2"
      THEN CASE
        WHEN CASE
          WHEN "production_stage_extra__applies"
          THEN "production_stage_extra__paid_max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "production_stage_extra__applies__q2"
          THEN "production_stage_extra__paid_max__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "production_stage_extra__applies"
            THEN "production_stage_extra__paid_max"
            ELSE 0
          END,
          CASE
            WHEN "production_stage_extra__applies__q2"
            THEN "production_stage_extra__paid_max__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "production_stage_extra__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN "cloud_platform_award__applies" OR "cloud_platform_award__applies__q2"
    ELSE NULL
  END AS "cloud_platform_award__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "cloud_platform_award__applies" OR "cloud_platform_award__applies__q2"
      )
      AND NOT (
        (
          "cloud_platform_award__applies" AND "cloud_platform_award__min" IS NULL
        )
        OR (
          "cloud_platform_award__applies__q2" AND "cloud_platform_award__min__q2" IS NULL
        )
      )
      THEN LEAST(
        CASE
          WHEN "cloud_platform_award__applies"
          THEN "cloud_platform_award__min"
          ELSE 0
        END,
        CASE
          WHEN "cloud_platform_award__applies__q2"
          THEN "cloud_platform_award__min__q2"
          ELSE 0
        END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "cloud_platform_award__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "cloud_platform_award__applies" OR "cloud_platform_award__applies__q2"
      )
      AND NOT (
        (
          "cloud_platform_award__applies" AND "cloud_platform_award__min" IS NULL
        )
        OR (
          "cloud_platform_award__applies__q2" AND "cloud_platform_award__min__q2" IS NULL
        )
      )
      THEN CASE
        WHEN CASE
          WHEN "cloud_platform_award__applies"
          THEN "cloud_platform_award__max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "cloud_platform_award__applies__q2"
          THEN "cloud_platform_award__max__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "cloud_platform_award__applies"
            THEN "cloud_platform_award__max"
            ELSE 0
          END,
          CASE
            WHEN "cloud_platform_award__applies__q2"
            THEN "cloud_platform_award__max__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "cloud_platform_award__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "cloud_platform_award__applies" OR "cloud_platform_award__applies__q2"
      THEN CASE
        WHEN CASE
          WHEN "cloud_platform_award__applies"
          THEN "cloud_platform_award__paid_min"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "cloud_platform_award__applies__q2"
          THEN "cloud_platform_award__paid_min__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE
            WHEN "cloud_platform_award__applies"
            THEN "cloud_platform_award__paid_min"
            ELSE 0
          END,
          CASE
            WHEN "cloud_platform_award__applies__q2"
            THEN "cloud_platform_award__paid_min__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "cloud_platform_award__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "cloud_platform_award__applies" OR "cloud_platform_award__applies__q2"
      THEN CASE
        WHEN CASE
          WHEN "cloud_platform_award__applies"
          THEN "cloud_platform_award__paid_max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "cloud_platform_award__applies__q2"
          THEN "cloud_platform_award__paid_max__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "cloud_platform_award__applies"
            THEN "cloud_platform_award__paid_max"
            ELSE 0
          END,
          CASE
            WHEN "cloud_platform_award__applies__q2"
            THEN "cloud_platform_award__paid_max__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "cloud_platform_award__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN "platform_benchmark_award__applies" OR "platform_benchmark_award__applies__q2"
    ELSE NULL
  END AS "platform_benchmark_award__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "platform_benchmark_award__applies" OR "platform_benchmark_award__applies__q2"
      )
      AND NOT (
        (
          "platform_benchmark_award__applies" AND "platform_benchmark_award__min" IS NULL
        )
        OR (
          "platform_benchmark_award__applies__q2"
          AND "platform_benchmark_award__min__q2" IS NULL
        )
      )
      THEN LEAST(
        CASE
          WHEN "platform_benchmark_award__applies"
          THEN "platform_benchmark_award__min"
          ELSE 0
        END,
        CASE
          WHEN "platform_benchmark_award__applies__q2"
          THEN "platform_benchmark_award__min__q2"
          ELSE 0
        END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "platform_benchmark_award__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "platform_benchmark_award__applies" OR "platform_benchmark_award__applies__q2"
      )
      AND NOT (
        (
          "platform_benchmark_award__applies" AND "platform_benchmark_award__min" IS NULL
        )
        OR (
          "platform_benchmark_award__applies__q2"
          AND "platform_benchmark_award__min__q2" IS NULL
        )
      )
      THEN CASE
        WHEN CASE
          WHEN "platform_benchmark_award__applies"
          THEN "platform_benchmark_award__max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "platform_benchmark_award__applies__q2"
          THEN "platform_benchmark_award__max__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "platform_benchmark_award__applies"
            THEN "platform_benchmark_award__max"
            ELSE 0
          END,
          CASE
            WHEN "platform_benchmark_award__applies__q2"
            THEN "platform_benchmark_award__max__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "platform_benchmark_award__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "platform_benchmark_award__applies" OR "platform_benchmark_award__applies__q2"
      THEN CASE
        WHEN CASE
          WHEN "platform_benchmark_award__applies"
          THEN "platform_benchmark_award__paid_min"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "platform_benchmark_award__applies__q2"
          THEN "platform_benchmark_award__paid_min__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE
            WHEN "platform_benchmark_award__applies"
            THEN "platform_benchmark_award__paid_min"
            ELSE 0
          END,
          CASE
            WHEN "platform_benchmark_award__applies__q2"
            THEN "platform_benchmark_award__paid_min__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "platform_benchmark_award__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "platform_benchmark_award__applies" OR "platform_benchmark_award__applies__q2"
      THEN CASE
        WHEN CASE
          WHEN "platform_benchmark_award__applies"
          THEN "platform_benchmark_award__paid_max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "platform_benchmark_award__applies__q2"
          THEN "platform_benchmark_award__paid_max__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "platform_benchmark_award__applies"
            THEN "platform_benchmark_award__paid_max"
            ELSE 0
          END,
          CASE
            WHEN "platform_benchmark_award__applies__q2"
            THEN "platform_benchmark_award__paid_max__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "platform_benchmark_award__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN "product_award__applies" OR "product_award__applies__q2"
    ELSE NULL
  END AS "product_award__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "product_award__applies" OR "product_award__applies__q2"
      )
      AND NOT (
        (
          "product_award__applies" AND "product_award__min" IS NULL
        )
        OR (
          "product_award__applies" AND "product_award__min" IS NULL
        )
        OR (
          "product_award__applies__q2" AND "product_award__min__q2" IS NULL
        )
        OR (
          "product_award__applies__q2" AND "product_award__min__q2" IS NULL
        )
      )
      THEN LEAST(
        CASE WHEN "product_award__applies" THEN "product_award__min" ELSE 0 END,
        CASE WHEN "product_award__applies" THEN "product_award__min" ELSE 0 END,
        CASE WHEN "product_award__applies__q2" THEN "product_award__min__q2" ELSE 0 END,
        CASE WHEN "product_award__applies__q2" THEN "product_award__min__q2" ELSE 0 END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "product_award__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "product_award__applies" OR "product_award__applies__q2"
      )
      AND NOT (
        (
          "product_award__applies" AND "product_award__min" IS NULL
        )
        OR (
          "product_award__applies" AND "product_award__min" IS NULL
        )
        OR (
          "product_award__applies__q2" AND "product_award__min__q2" IS NULL
        )
        OR (
          "product_award__applies__q2" AND "product_award__min__q2" IS NULL
        )
      )
      THEN CASE
        WHEN CASE WHEN "product_award__applies" THEN "product_award__max" ELSE 0 END IS NULL
        OR CASE WHEN "product_award__applies" THEN "product_award__max" ELSE 0 END IS NULL
        OR CASE WHEN "product_award__applies__q2" THEN "product_award__max__q2" ELSE 0 END IS NULL
        OR CASE WHEN "product_award__applies__q2" THEN "product_award__max__q2" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "product_award__applies" THEN "product_award__max" ELSE 0 END,
          CASE WHEN "product_award__applies" THEN "product_award__max" ELSE 0 END,
          CASE WHEN "product_award__applies__q2" THEN "product_award__max__q2" ELSE 0 END,
          CASE WHEN "product_award__applies__q2" THEN "product_award__max__q2" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "product_award__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "product_award__applies" OR "product_award__applies__q2"
      THEN CASE
        WHEN CASE WHEN "product_award__applies" THEN "product_award__paid_min" ELSE 0 END IS NULL
        OR CASE WHEN "product_award__applies" THEN "product_award__paid_min__q1" ELSE 0 END IS NULL
        OR CASE WHEN "product_award__applies__q2" THEN "product_award__paid_min__q2" ELSE 0 END IS NULL
        OR CASE WHEN "product_award__applies__q2" THEN "product_award__paid_min__q3" ELSE 0 END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE WHEN "product_award__applies" THEN "product_award__paid_min" ELSE 0 END,
          CASE WHEN "product_award__applies" THEN "product_award__paid_min__q1" ELSE 0 END,
          CASE WHEN "product_award__applies__q2" THEN "product_award__paid_min__q2" ELSE 0 END,
          CASE WHEN "product_award__applies__q2" THEN "product_award__paid_min__q3" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "product_award__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "product_award__applies" OR "product_award__applies__q2"
      THEN CASE
        WHEN CASE WHEN "product_award__applies" THEN "product_award__paid_max" ELSE 0 END IS NULL
        OR CASE WHEN "product_award__applies" THEN "product_award__paid_max__q1" ELSE 0 END IS NULL
        OR CASE WHEN "product_award__applies__q2" THEN "product_award__paid_max__q2" ELSE 0 END IS NULL
        OR CASE WHEN "product_award__applies__q2" THEN "product_award__paid_max__q3" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "product_award__applies" THEN "product_award__paid_max" ELSE 0 END,
          CASE WHEN "product_award__applies" THEN "product_award__paid_max__q1" ELSE 0 END,
          CASE WHEN "product_award__applies__q2" THEN "product_award__paid_max__q2" ELSE 0 END,
          CASE WHEN "product_award__applies__q2" THEN "product_award__paid_max__q3" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "product_award__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN "excellent_provider_award__applies" OR "excellent_provider_award__applies__q2"
    ELSE NULL
  END AS "excellent_provider_award__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "excellent_provider_award__applies" OR "excellent_provider_award__applies__q2"
      )
      AND NOT (
        (
          "excellent_provider_award__applies" AND "excellent_provider_award__min" IS NULL
        )
        OR (
          "excellent_provider_award__applies" AND "excellent_provider_award__min" IS NULL
        )
        OR (
          "excellent_provider_award__applies__q2"
          AND "excellent_provider_award__min__q2" IS NULL
        )
        OR (
          "excellent_provider_award__applies__q2"
          AND "excellent_provider_award__min__q2" IS NULL
        )
      )
      THEN LEAST(
        CASE
          WHEN "excellent_provider_award__applies"
          THEN "excellent_provider_award__min"
          ELSE 0
        END,
        CASE
          WHEN "excellent_provider_award__applies"
          THEN "excellent_provider_award__min"
          ELSE 0
        END,
        CASE
          WHEN "excellent_provider_award__applies__q2"
          THEN "excellent_provider_award__min__q2"
          ELSE 0
        END,
        CASE
          WHEN "excellent_provider_award__applies__q2"
          THEN "excellent_provider_award__min__q2"
          ELSE 0
        END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "excellent_provider_award__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "excellent_provider_award__applies" OR "excellent_provider_award__applies__q2"
      )
      AND NOT (
        (
          "excellent_provider_award__applies" AND "excellent_provider_award__min" IS NULL
        )
        OR (
          "excellent_provider_award__applies" AND "excellent_provider_award__min" IS NULL
        )
        OR (
          "excellent_provider_award__applies__q2"
          AND "excellent_provider_award__min__q2" IS NULL
        )
        OR (
          "excellent_provider_award__applies__q2"
          AND "excellent_provider_award__min__q2" IS NULL
        )
      )
      THEN CASE
        WHEN CASE
          WHEN "excellent_provider_award__applies"
          THEN "excellent_provider_award__max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "excellent_provider_award__applies"
          THEN "excellent_provider_award__max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "excellent_provider_award__applies__q2"
          THEN "excellent_provider_award__max__q2"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "excellent_provider_award__applies__q2"
          THEN "excellent_provider_award__max__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "excellent_provider_award__applies"
            THEN "excellent_provider_award__max"
            ELSE 0
          END,
          CASE
            WHEN "excellent_provider_award__applies"
            THEN "excellent_provider_award__max"
            ELSE 0
          END,
          CASE
            WHEN "excellent_provider_award__applies__q2"
            THEN "excellent_provider_award__max__q2"
            ELSE 0
          END,
          CASE
            WHEN "excellent_provider_award__applies__q2"
            THEN "excellent_provider_award__max__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "excellent_provider_award__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "excellent_provider_award__applies" OR "excellent_provider_award__applies__q2"
      THEN CASE
        WHEN CASE
          WHEN "excellent_provider_award__applies"
          THEN "excellent_provider_award__paid_min"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "excellent_provider_award__applies"
          THEN "excellent_provider_award__paid_min__q1"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "excellent_provider_award__applies__q2"
          THEN "excellent_provider_award__paid_min__q2"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "excellent_provider_award__applies__q2"
          THEN "excellent_provider_award__paid_min__q3"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE
            WHEN "excellent_provider_award__applies"
            THEN "excellent_provider_award__paid_min"
            ELSE 0
          END,
          CASE
            WHEN "excellent_provider_award__applies"
            THEN "excellent_provider_award__paid_min__q1"
            ELSE 0
          END,
          CASE
            WHEN "excellent_provider_award__applies__q2"
            THEN "excellent_provider_award__paid_min__q2"
            ELSE 0
          END,
          CASE
            WHEN "excellent_provider_award__applies__q2"
            THEN "excellent_provider_award__paid_min__q3"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "excellent_provider_award__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "excellent_provider_award__applies" OR "excellent_provider_award__applies__q2"
      THEN CASE
        WHEN CASE
          WHEN "excellent_provider_award__applies"
          THEN "excellent_provider_award__paid_max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "excellent_provider_award__applies"
          THEN "excellent_provider_award__paid_max__q1"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "excellent_provider_award__applies__q2"
          THEN "excellent_provider_award__paid_max__q2"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "excellent_provider_award__applies__q2"
          THEN "excellent_provider_award__paid_max__q3"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "excellent_provider_award__applies"
            THEN "excellent_provider_award__paid_max"
            ELSE 0
          END,
          CASE
            WHEN "excellent_provider_award__applies"
            THEN "excellent_provider_award__paid_max__q1"
            ELSE 0
          END,
          CASE
            WHEN "excellent_provider_award__applies__q2"
            THEN "excellent_provider_award__paid_max__q2"
            ELSE 0
          END,
          CASE
            WHEN "excellent_provider_award__applies__q2"
            THEN "excellent_provider_award__paid_max__q3"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "excellent_provider_award__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN "chain_award__applies" OR "chain_award__applies__q2"
    ELSE NULL
  END AS "chain_award__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "chain_award__applies" OR "chain_award__applies__q2"
      )
      AND NOT (
        (
          "chain_award__applies" AND "chain_award__min" IS NULL
        )
        OR (
          "chain_award__applies__q2" AND "chain_award__min__q2" IS NULL
        )
      )
      THEN LEAST(
        CASE WHEN "chain_award__applies" THEN "chain_award__min" ELSE 0 END,
        CASE WHEN "chain_award__applies__q2" THEN "chain_award__min__q2" ELSE 0 END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "chain_award__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "chain_award__applies" OR "chain_award__applies__q2"
      )
      AND NOT (
        (
          "chain_award__applies" AND "chain_award__min" IS NULL
        )
        OR (
          "chain_award__applies__q2" AND "chain_award__min__q2" IS NULL
        )
      )
      THEN CASE
        WHEN CASE WHEN "chain_award__applies" THEN "chain_award__max" ELSE 0 END IS NULL
        OR CASE WHEN "chain_award__applies__q2" THEN "chain_award__max__q2" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "chain_award__applies" THEN "chain_award__max" ELSE 0 END,
          CASE WHEN "chain_award__applies__q2" THEN "chain_award__max__q2" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "chain_award__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "chain_award__applies" OR "chain_award__applies__q2"
      THEN CASE
        WHEN CASE WHEN "chain_award__applies" THEN "chain_award__paid_min" ELSE 0 END IS NULL
        OR CASE WHEN "chain_award__applies__q2" THEN "chain_award__paid_min__q2" ELSE 0 END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE WHEN "chain_award__applies" THEN "chain_award__paid_min" ELSE 0 END,
          CASE WHEN "chain_award__applies__q2" THEN "chain_award__paid_min__q2" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "chain_award__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "chain_award__applies" OR "chain_award__applies__q2"
      THEN CASE
        WHEN CASE WHEN "chain_award__applies" THEN "chain_award__paid_max" ELSE 0 END IS NULL
        OR CASE WHEN "chain_award__applies__q2" THEN "chain_award__paid_max__q2" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "chain_award__applies" THEN "chain_award__paid_max" ELSE 0 END,
          CASE WHEN "chain_award__applies__q2" THEN "chain_award__paid_max__q2" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "chain_award__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN "procurement_service__applies" OR "procurement_service__applies__q2"
    ELSE NULL
  END AS "procurement_service__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "procurement_service__applies" OR "procurement_service__applies__q2"
      )
      AND NOT (
        (
          "procurement_service__applies" AND "procurement_service__min" IS NULL
        )
        OR (
          "procurement_service__applies__q2" AND "procurement_service__min__q2" IS NULL
        )
      )
      THEN LEAST(
        CASE WHEN "procurement_service__applies" THEN "procurement_service__min" ELSE 0 END,
        CASE
          WHEN "procurement_service__applies__q2"
          THEN "procurement_service__min__q2"
          ELSE 0
        END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "procurement_service__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "procurement_service__applies" OR "procurement_service__applies__q2"
      )
      AND NOT (
        (
          "procurement_service__applies" AND "procurement_service__min" IS NULL
        )
        OR (
          "procurement_service__applies__q2" AND "procurement_service__min__q2" IS NULL
        )
      )
      THEN CASE
        WHEN CASE WHEN "procurement_service__applies" THEN "procurement_service__max" ELSE 0 END IS NULL
        OR CASE
          WHEN "procurement_service__applies__q2"
          THEN "procurement_service__max__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "procurement_service__applies" THEN "procurement_service__max" ELSE 0 END,
          CASE
            WHEN "procurement_service__applies__q2"
            THEN "procurement_service__max__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "procurement_service__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "procurement_service__applies" OR "procurement_service__applies__q2"
      THEN CASE
        WHEN CASE
          WHEN "procurement_service__applies"
          THEN "procurement_service__paid_min"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "procurement_service__applies__q2"
          THEN "procurement_service__paid_min__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE
            WHEN "procurement_service__applies"
            THEN "procurement_service__paid_min"
            ELSE 0
          END,
          CASE
            WHEN "procurement_service__applies__q2"
            THEN "procurement_service__paid_min__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "procurement_service__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "procurement_service__applies" OR "procurement_service__applies__q2"
      THEN CASE
        WHEN CASE
          WHEN "procurement_service__applies"
          THEN "procurement_service__paid_max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "procurement_service__applies__q2"
          THEN "procurement_service__paid_max__q2"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "procurement_service__applies"
            THEN "procurement_service__paid_max"
            ELSE 0
          END,
          CASE
            WHEN "procurement_service__applies__q2"
            THEN "procurement_service__paid_max__q2"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "procurement_service__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "total_min" IS NULL
      OR "total_min__q1" IS NULL
      OR "total_min__q2" IS NULL
      OR "total_min__q3" IS NULL
      THEN NULL
      ELSE LEAST("total_min", "total_min__q1", "total_min__q2", "total_min__q3")
    END
    ELSE NULL
  END AS "total_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "total_max" IS NULL
      OR "total_max__q1" IS NULL
      OR "total_max__q2" IS NULL
      OR "total_max__q3" IS NULL
      THEN NULL
      ELSE GREATEST("total_max", "total_max__q1", "total_max__q2", "total_max__q3")
    END
    ELSE NULL
  END AS "total_max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "total_max" IS NULL
      THEN "funding_central"
      WHEN "total_max__q1" IS NULL
      THEN "funding_central__q1"
      WHEN "total_max__q2" IS NULL
      THEN "funding_central__q2"
      WHEN "total_max__q3" IS NULL
      THEN "funding_central__q3"
      WHEN "total_max" = GREATEST("total_max", "total_max__q1", "total_max__q2", "total_max__q3")
      THEN "funding_central"
      WHEN "total_max__q1" = GREATEST("total_max", "total_max__q1", "total_max__q2", "total_max__q3")
      THEN "funding_central__q1"
      WHEN "total_max__q2" = GREATEST("total_max", "total_max__q1", "total_max__q2", "total_max__q3")
      THEN "funding_central__q2"
      WHEN "total_max__q3" = GREATEST("total_max", "total_max__q1", "total_max__q2", "total_max__q3")
      THEN "funding_central__q3"
      ELSE NULL
    END
    ELSE NULL
  END AS "funding_central",
  "funding_province" AS "funding_province",
  "funding_city" AS "funding_city",
  "funding_county" AS "funding_county",
  "funding_unspecified" AS "funding_unspecified"
FROM res;
