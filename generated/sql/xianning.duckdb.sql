-- generated from policies/xianning.policy by policyc — do not edit; regenerate with `policyc build`
-- 解读 sme_scope（第六条第（一）项）：本查询覆盖各种读法（any_enterprise、sme_only），各列取最低额至最高额
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
      WHEN NOT "p"."acceptance_passed" IS NULL
      AND (
        NOT "p"."acceptance_passed" IN ('true', 'false')
      )
      THEN 'acceptance_passed'
      WHEN NOT "p"."is_sme" IS NULL AND (
        NOT "p"."is_sme" IN ('true', 'false')
      )
      THEN 'is_sme'
      WHEN NOT "p"."digital_level" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."digital_level", '^-?[0-9]{1,1}$')
        OR COALESCE(TRY_CAST("p"."digital_level" AS DECIMAL(2, 0)) < 0, FALSE)
        OR COALESCE(TRY_CAST("p"."digital_level" AS DECIMAL(2, 0)) > 4, FALSE)
      )
      THEN 'digital_level'
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
      WHEN NOT "p"."chain_demo_enterprise" IS NULL
      AND (
        NOT "p"."chain_demo_enterprise" IN ('true', 'false')
      )
      THEN 'chain_demo_enterprise'
      WHEN NOT "p"."provincial_demo_title" IS NULL
      AND (
        NOT "p"."provincial_demo_title" IN ('true', 'false')
      )
      THEN 'provincial_demo_title'
      WHEN NOT "p"."typical_case_title" IS NULL
      AND (
        NOT "p"."typical_case_title" IN ('true', 'false')
      )
      THEN 'typical_case_title'
      WHEN NOT "p"."accepted_enterprises_served" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."accepted_enterprises_served", '^-?[0-9]{1,10}$')
        OR COALESCE(TRY_CAST("p"."accepted_enterprises_served" AS DECIMAL(11, 0)) < 0, FALSE)
        OR COALESCE(TRY_CAST("p"."accepted_enterprises_served" AS DECIMAL(11, 0)) > 1000000000, FALSE)
      )
      THEN 'accepted_enterprises_served'
      WHEN NOT "p"."platform_builder" IS NULL
      AND (
        NOT "p"."platform_builder" IN ('true', 'false')
      )
      THEN 'platform_builder'
      WHEN NOT "p"."training_provider" IS NULL
      AND (
        NOT "p"."training_provider" IN ('true', 'false')
      )
      THEN 'training_provider'
      WHEN NOT "p"."evaluation_agency" IS NULL
      AND (
        NOT "p"."evaluation_agency" IN ('true', 'false')
      )
      THEN 'evaluation_agency'
      WHEN NOT "p"."falsified_application_3y" IS NULL
      AND (
        NOT "p"."falsified_application_3y" IN ('true', 'false')
      )
      THEN 'falsified_application_3y'
      WHEN NOT "p"."awarded_products" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."awarded_products", '^-?[0-9]{1,10}$')
        OR COALESCE(TRY_CAST("p"."awarded_products" AS DECIMAL(11, 0)) < 0, FALSE)
        OR COALESCE(TRY_CAST("p"."awarded_products" AS DECIMAL(11, 0)) > 1000000000, FALSE)
      )
      THEN 'awarded_products'
      WHEN NOT "p"."chain_transformation_award" IS NULL
      AND (
        NOT "p"."chain_transformation_award" IN ('true', 'false')
      )
      THEN 'chain_transformation_award'
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
      WHEN NOT "p"."cloud_platform_adopted" IS NULL
      AND (
        NOT "p"."cloud_platform_adopted" IN ('true', 'false')
      )
      THEN 'cloud_platform_adopted'
      WHEN NOT "p"."digital_workshop_title" IS NULL
      AND (
        NOT "p"."digital_workshop_title" IN ('true', 'false')
      )
      THEN 'digital_workshop_title'
      WHEN NOT "p"."excellent_provider" IS NULL
      AND (
        NOT "p"."excellent_provider" IN ('true', 'false')
      )
      THEN 'excellent_provider'
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
      WHEN NOT "p"."independent_legal_person" IS NULL
      AND (
        NOT "p"."independent_legal_person" IN ('true', 'false')
      )
      THEN 'independent_legal_person'
      WHEN NOT "p"."lighthouse" IS NULL AND (
        NOT "p"."lighthouse" IN ('true', 'false')
      )
      THEN 'lighthouse'
      WHEN NOT "p"."operating_normally" IS NULL
      AND (
        NOT "p"."operating_normally" IN ('true', 'false')
      )
      THEN 'operating_normally'
      WHEN NOT "p"."platform_benchmark" IS NULL
      AND (
        NOT "p"."platform_benchmark" IN ('true', 'false')
      )
      THEN 'platform_benchmark'
      WHEN NOT "p"."region" IS NULL
      AND (
        NOT "p"."region" IN ('east', 'central', 'west')
      )
      THEN 'region'
      WHEN NOT "p"."registered_in_city" IS NULL
      AND (
        NOT "p"."registered_in_city" IN ('true', 'false')
      )
      THEN 'registered_in_city'
      WHEN NOT "p"."serious_dishonesty_3y" IS NULL
      AND (
        NOT "p"."serious_dishonesty_3y" IN ('true', 'false')
      )
      THEN 'serious_dishonesty_3y'
      WHEN NOT "p"."spend_consulting" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."spend_consulting", '^[0-9]{1,15}([.][0-9]{1,2})?$')
      )
      THEN 'spend_consulting'
      ELSE CAST(NULL AS TEXT)
    END AS "error_field",
    CURRENT_DATE >= CAST('2025-05-20' AS DATE) AS "in_force",
    "p"."applicant_type" AS "applicant_type",
    "p"."industry" AS "industry",
    COALESCE("p"."acceptance_passed" = 'true', FALSE) AS "acceptance_passed",
    COALESCE("p"."is_sme" = 'true', FALSE) AS "is_sme",
    COALESCE(TRY_CAST("p"."digital_level" AS DECIMAL(1, 0)), CAST(0 AS DECIMAL(1, 0))) AS "digital_level",
    COALESCE(TRY_CAST("p"."spend_software_cloud" AS DECIMAL(17, 2)), CAST(0 AS DECIMAL(17, 2))) AS "spend_software_cloud",
    COALESCE(TRY_CAST("p"."spend_data_equipment" AS DECIMAL(17, 2)), CAST(0 AS DECIMAL(17, 2))) AS "spend_data_equipment",
    COALESCE("p"."little_giant_central_funded" = 'true', FALSE) AS "little_giant_central_funded",
    COALESCE("p"."in_2022_pilot" = 'true', FALSE) AS "in_2022_pilot",
    COALESCE("p"."chain_demo_enterprise" = 'true', FALSE) AS "chain_demo_enterprise",
    COALESCE("p"."provincial_demo_title" = 'true', FALSE) AS "provincial_demo_title",
    COALESCE("p"."typical_case_title" = 'true', FALSE) AS "typical_case_title",
    COALESCE(
      TRY_CAST("p"."accepted_enterprises_served" AS DECIMAL(10, 0)),
      CAST(0 AS DECIMAL(10, 0))
    ) AS "accepted_enterprises_served",
    COALESCE("p"."platform_builder" = 'true', FALSE) AS "platform_builder",
    COALESCE("p"."training_provider" = 'true', FALSE) AS "training_provider",
    COALESCE("p"."evaluation_agency" = 'true', FALSE) AS "evaluation_agency",
    COALESCE("p"."falsified_application_3y" = 'true', FALSE) AS "falsified_application_3y",
    CASE
      WHEN REGEXP_MATCHES(
        (
          "p"."industry"
        ),
        '[' || '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～備紡織葯藥裝製醫電                  　' || CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133) || ']'
      )
      THEN TRANSLATE(
        (
          "p"."industry"
        ),
        '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～備紡織葯藥裝製醫電                  　' || CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133),
        '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~备纺织药药装制医电'
      )
      ELSE "p"."industry"
    END AS "industry__key"
  FROM profiles AS p
), x AS (
  SELECT
    *,
    (
      (
        COALESCE("p"."little_giant_central_funded", FALSE)
      )
      OR (
        COALESCE("p"."in_2022_pilot", FALSE)
      )
      OR (
        COALESCE("p"."falsified_application_3y", FALSE)
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
    END AS "spend_data_equipment__fen"
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
      COALESCE((
        "p"."digital_level"
      ) >= (
        CAST(2 AS DECIMAL(1, 0))
      ), FALSE)
      AND COALESCE("p"."acceptance_passed", FALSE)
      AND COALESCE(
        COALESCE((
          "p"."industry__key"
        ) IN ('装备制造', '电子信息', '纺织服装', '新型建材', '生物医药'), FALSE),
        FALSE
      )
      AND COALESCE(COALESCE(TRUE, FALSE), FALSE)
    ) AS "reform_subsidy__applies",
    LEAST(
      (
        CAST(6 AS BIGINT)
      ) * (
        (
          "p"."spend_software_cloud__fen"
        ) + (
          "p"."spend_data_equipment__fen"
        )
      ),
      CAST(150000000 AS BIGINT)
    ) AS "reform_subsidy__raw",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."chain_demo_enterprise", FALSE) AS "chain_demo_award__applies",
    CAST(1000000 AS BIGINT) AS "chain_demo_award__raw",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."provincial_demo_title", FALSE) AS "provincial_demo_award__applies",
    CAST(200000 AS BIGINT) AS "provincial_demo_award__raw",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."typical_case_title", FALSE) AS "typical_case_award__applies",
    CAST(50000 AS BIGINT) AS "typical_case_award__raw",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE("p"."platform_builder", FALSE) AS "platform_building__applies",
    CAST(0 AS BIGINT) AS "platform_building__raw_lo",
    CAST(200000 AS BIGINT) AS "platform_building__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE("p"."training_provider", FALSE) AS "training_subsidy__applies",
    CAST(0 AS BIGINT) AS "training_subsidy__raw_lo",
    CAST(100000 AS BIGINT) AS "training_subsidy__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE((
      "p"."accepted_enterprises_served"
    ) >= (
      CAST(1 AS DECIMAL(1, 0))
    ), FALSE) AS "diagnosis_subsidy__applies",
    (
      CAST(0 AS BIGINT)
    ) * (
      CAST("p"."accepted_enterprises_served" AS BIGINT)
    ) AS "diagnosis_subsidy__raw_lo",
    (
      CAST(5000 AS BIGINT)
    ) * (
      CAST("p"."accepted_enterprises_served" AS BIGINT)
    ) AS "diagnosis_subsidy__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE("p"."evaluation_agency", FALSE) AS "evaluation_subsidy__applies",
    CAST(0 AS BIGINT) AS "evaluation_subsidy__raw_lo",
    CAST(1200000 AS BIGINT) AS "evaluation_subsidy__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND (
      COALESCE((
        "p"."digital_level"
      ) >= (
        CAST(2 AS DECIMAL(1, 0))
      ), FALSE)
      AND COALESCE("p"."acceptance_passed", FALSE)
      AND COALESCE(
        COALESCE((
          "p"."industry__key"
        ) IN ('装备制造', '电子信息', '纺织服装', '新型建材', '生物医药'), FALSE),
        FALSE
      )
      AND COALESCE(COALESCE("p"."is_sme", FALSE), FALSE)
    ) AS "reform_subsidy__applies__q1"
  FROM x AS p
), i AS (
  SELECT
    *,
    (
      "reform_subsidy__raw"
    ) // CAST(10 AS BIGINT) AS "reform_subsidy__lo",
    (
      "reform_subsidy__raw"
    ) // CAST(10 AS BIGINT) AS "reform_subsidy__hi",
    (
      "chain_demo_award__raw"
    ) * CAST(100 AS BIGINT) AS "chain_demo_award__lo",
    (
      "chain_demo_award__raw"
    ) * CAST(100 AS BIGINT) AS "chain_demo_award__hi",
    (
      "provincial_demo_award__raw"
    ) * CAST(100 AS BIGINT) AS "provincial_demo_award__lo",
    (
      "provincial_demo_award__raw"
    ) * CAST(100 AS BIGINT) AS "provincial_demo_award__hi",
    (
      "typical_case_award__raw"
    ) * CAST(100 AS BIGINT) AS "typical_case_award__lo",
    (
      "typical_case_award__raw"
    ) * CAST(100 AS BIGINT) AS "typical_case_award__hi",
    (
      "platform_building__raw_lo"
    ) * CAST(100 AS BIGINT) AS "platform_building__lo",
    (
      "platform_building__raw_hi"
    ) * CAST(100 AS BIGINT) AS "platform_building__hi",
    (
      "training_subsidy__raw_lo"
    ) * CAST(100 AS BIGINT) AS "training_subsidy__lo",
    (
      "training_subsidy__raw_hi"
    ) * CAST(100 AS BIGINT) AS "training_subsidy__hi",
    (
      "diagnosis_subsidy__raw_lo"
    ) * CAST(100 AS BIGINT) AS "diagnosis_subsidy__lo",
    (
      "diagnosis_subsidy__raw_hi"
    ) * CAST(100 AS BIGINT) AS "diagnosis_subsidy__hi",
    (
      "evaluation_subsidy__raw_lo"
    ) * CAST(100 AS BIGINT) AS "evaluation_subsidy__lo",
    (
      "evaluation_subsidy__raw_hi"
    ) * CAST(100 AS BIGINT) AS "evaluation_subsidy__hi"
  FROM r
), a0 AS (
  SELECT
    *,
    "reform_subsidy__lo" AS "reform_subsidy__a0_lo",
    "reform_subsidy__hi" AS "reform_subsidy__a0_hi",
    "chain_demo_award__lo" AS "chain_demo_award__a0_lo",
    "chain_demo_award__hi" AS "chain_demo_award__a0_hi",
    "provincial_demo_award__lo" AS "provincial_demo_award__a0_lo",
    "provincial_demo_award__hi" AS "provincial_demo_award__a0_hi",
    "typical_case_award__lo" AS "typical_case_award__a0_lo",
    "typical_case_award__hi" AS "typical_case_award__a0_hi",
    "platform_building__lo" AS "platform_building__a0_lo",
    "platform_building__hi" AS "platform_building__a0_hi",
    "training_subsidy__lo" AS "training_subsidy__a0_lo",
    "training_subsidy__hi" AS "training_subsidy__a0_hi",
    "diagnosis_subsidy__lo" AS "diagnosis_subsidy__a0_lo",
    "diagnosis_subsidy__hi" AS "diagnosis_subsidy__a0_hi",
    "evaluation_subsidy__lo" AS "evaluation_subsidy__a0_lo",
    "evaluation_subsidy__hi" AS "evaluation_subsidy__a0_hi"
  FROM i
), res AS (
  SELECT
    "row_id",
    "error_field",
    CASE WHEN "error_field" IS NULL THEN "in_force" ELSE NULL END AS "in_force",
    CASE WHEN "error_field" IS NULL THEN "excluded" ELSE NULL END AS "excluded",
    CASE WHEN "error_field" IS NULL THEN "reform_subsidy__applies" ELSE NULL END AS "reform_subsidy__applies",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST((
        CAST("reform_subsidy__lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "reform_subsidy__min",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST((
        CAST("reform_subsidy__hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "reform_subsidy__max",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST((
        CAST("reform_subsidy__a0_lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST((
        CAST("reform_subsidy__a0_hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_max",
    CASE WHEN "error_field" IS NULL THEN "chain_demo_award__applies" ELSE NULL END AS "chain_demo_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "chain_demo_award__applies"
      THEN CAST((
        CAST("chain_demo_award__lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "chain_demo_award__min",
    CASE
      WHEN "error_field" IS NULL AND "chain_demo_award__applies"
      THEN CAST((
        CAST("chain_demo_award__hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "chain_demo_award__max",
    CASE
      WHEN "error_field" IS NULL AND "chain_demo_award__applies"
      THEN CAST((
        CAST("chain_demo_award__a0_lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "chain_demo_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "chain_demo_award__applies"
      THEN CAST((
        CAST("chain_demo_award__a0_hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "chain_demo_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "provincial_demo_award__applies" ELSE NULL END AS "provincial_demo_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "provincial_demo_award__applies"
      THEN CAST((
        CAST("provincial_demo_award__lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "provincial_demo_award__min",
    CASE
      WHEN "error_field" IS NULL AND "provincial_demo_award__applies"
      THEN CAST((
        CAST("provincial_demo_award__hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "provincial_demo_award__max",
    CASE
      WHEN "error_field" IS NULL AND "provincial_demo_award__applies"
      THEN CAST((
        CAST("provincial_demo_award__a0_lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "provincial_demo_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "provincial_demo_award__applies"
      THEN CAST((
        CAST("provincial_demo_award__a0_hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "provincial_demo_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "typical_case_award__applies" ELSE NULL END AS "typical_case_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "typical_case_award__applies"
      THEN CAST((
        CAST("typical_case_award__lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "typical_case_award__min",
    CASE
      WHEN "error_field" IS NULL AND "typical_case_award__applies"
      THEN CAST((
        CAST("typical_case_award__hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "typical_case_award__max",
    CASE
      WHEN "error_field" IS NULL AND "typical_case_award__applies"
      THEN CAST((
        CAST("typical_case_award__a0_lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "typical_case_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "typical_case_award__applies"
      THEN CAST((
        CAST("typical_case_award__a0_hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "typical_case_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "platform_building__applies" ELSE NULL END AS "platform_building__applies",
    CASE
      WHEN "error_field" IS NULL AND "platform_building__applies"
      THEN CAST((
        CAST("platform_building__lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "platform_building__min",
    CASE
      WHEN "error_field" IS NULL AND "platform_building__applies"
      THEN CAST((
        CAST("platform_building__hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "platform_building__max",
    CASE
      WHEN "error_field" IS NULL AND "platform_building__applies"
      THEN CAST((
        CAST("platform_building__a0_lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "platform_building__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "platform_building__applies"
      THEN CAST((
        CAST("platform_building__a0_hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "platform_building__paid_max",
    CASE WHEN "error_field" IS NULL THEN "training_subsidy__applies" ELSE NULL END AS "training_subsidy__applies",
    CASE
      WHEN "error_field" IS NULL AND "training_subsidy__applies"
      THEN CAST((
        CAST("training_subsidy__lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "training_subsidy__min",
    CASE
      WHEN "error_field" IS NULL AND "training_subsidy__applies"
      THEN CAST((
        CAST("training_subsidy__hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "training_subsidy__max",
    CASE
      WHEN "error_field" IS NULL AND "training_subsidy__applies"
      THEN CAST((
        CAST("training_subsidy__a0_lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "training_subsidy__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "training_subsidy__applies"
      THEN CAST((
        CAST("training_subsidy__a0_hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "training_subsidy__paid_max",
    CASE WHEN "error_field" IS NULL THEN "diagnosis_subsidy__applies" ELSE NULL END AS "diagnosis_subsidy__applies",
    CASE
      WHEN "error_field" IS NULL AND "diagnosis_subsidy__applies"
      THEN CAST((
        CAST("diagnosis_subsidy__lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "diagnosis_subsidy__min",
    CASE
      WHEN "error_field" IS NULL AND "diagnosis_subsidy__applies"
      THEN CAST((
        CAST("diagnosis_subsidy__hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "diagnosis_subsidy__max",
    CASE
      WHEN "error_field" IS NULL AND "diagnosis_subsidy__applies"
      THEN CAST((
        CAST("diagnosis_subsidy__a0_lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "diagnosis_subsidy__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "diagnosis_subsidy__applies"
      THEN CAST((
        CAST("diagnosis_subsidy__a0_hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "diagnosis_subsidy__paid_max",
    CASE WHEN "error_field" IS NULL THEN "evaluation_subsidy__applies" ELSE NULL END AS "evaluation_subsidy__applies",
    CASE
      WHEN "error_field" IS NULL AND "evaluation_subsidy__applies"
      THEN CAST((
        CAST("evaluation_subsidy__lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "evaluation_subsidy__min",
    CASE
      WHEN "error_field" IS NULL AND "evaluation_subsidy__applies"
      THEN CAST((
        CAST("evaluation_subsidy__hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "evaluation_subsidy__max",
    CASE
      WHEN "error_field" IS NULL AND "evaluation_subsidy__applies"
      THEN CAST((
        CAST("evaluation_subsidy__a0_lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "evaluation_subsidy__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "evaluation_subsidy__applies"
      THEN CAST((
        CAST("evaluation_subsidy__a0_hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "evaluation_subsidy__paid_max",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          (
            (
              (
                (
                  (
                    (
                      (
                        CAST(0 AS BIGINT)
                      ) + (
                        CASE
                          WHEN "reform_subsidy__applies"
                          THEN "reform_subsidy__a0_lo"
                          ELSE CAST(0 AS BIGINT)
                        END
                      )
                    ) + (
                      CASE
                        WHEN "chain_demo_award__applies"
                        THEN "chain_demo_award__a0_lo"
                        ELSE CAST(0 AS BIGINT)
                      END
                    )
                  ) + (
                    CASE
                      WHEN "provincial_demo_award__applies"
                      THEN "provincial_demo_award__a0_lo"
                      ELSE CAST(0 AS BIGINT)
                    END
                  )
                ) + (
                  CASE
                    WHEN "typical_case_award__applies"
                    THEN "typical_case_award__a0_lo"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "platform_building__applies"
                  THEN "platform_building__a0_lo"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "training_subsidy__applies"
                THEN "training_subsidy__a0_lo"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies"
              THEN "diagnosis_subsidy__a0_lo"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies"
            THEN "evaluation_subsidy__a0_lo"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "total_min",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          (
            (
              (
                (
                  (
                    (
                      (
                        CAST(0 AS BIGINT)
                      ) + (
                        CASE
                          WHEN "reform_subsidy__applies"
                          THEN "reform_subsidy__a0_hi"
                          ELSE CAST(0 AS BIGINT)
                        END
                      )
                    ) + (
                      CASE
                        WHEN "chain_demo_award__applies"
                        THEN "chain_demo_award__a0_hi"
                        ELSE CAST(0 AS BIGINT)
                      END
                    )
                  ) + (
                    CASE
                      WHEN "provincial_demo_award__applies"
                      THEN "provincial_demo_award__a0_hi"
                      ELSE CAST(0 AS BIGINT)
                    END
                  )
                ) + (
                  CASE
                    WHEN "typical_case_award__applies"
                    THEN "typical_case_award__a0_hi"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "platform_building__applies"
                  THEN "platform_building__a0_hi"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "training_subsidy__applies"
                THEN "training_subsidy__a0_hi"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies"
              THEN "diagnosis_subsidy__a0_hi"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies"
            THEN "evaluation_subsidy__a0_hi"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "total_max",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST(CAST(0 AS BIGINT) AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "funding_central",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          (
            (
              (
                CAST(0 AS BIGINT)
              ) + (
                CASE
                  WHEN "reform_subsidy__applies" AND NOT "reform_subsidy__a0_hi" IS NULL
                  THEN "reform_subsidy__a0_hi"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "platform_building__applies" AND NOT "platform_building__a0_hi" IS NULL
                THEN "platform_building__a0_hi"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies" AND NOT "diagnosis_subsidy__a0_hi" IS NULL
              THEN "diagnosis_subsidy__a0_hi"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies" AND NOT "evaluation_subsidy__a0_hi" IS NULL
            THEN "evaluation_subsidy__a0_hi"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "funding_province",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          (
            CAST(0 AS BIGINT)
          ) + (
            (
              (
                CASE
                  WHEN "chain_demo_award__applies" AND NOT "chain_demo_award__a0_hi" IS NULL
                  THEN "chain_demo_award__a0_hi"
                  ELSE CAST(0 AS BIGINT)
                END
              ) * CAST(5 AS BIGINT)
            ) // CAST(10 AS BIGINT)
          )
        ) + (
          CASE
            WHEN "training_subsidy__applies" AND NOT "training_subsidy__a0_hi" IS NULL
            THEN "training_subsidy__a0_hi"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "funding_city",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          CAST(0 AS BIGINT)
        ) + (
          (
            CASE
              WHEN "chain_demo_award__applies" AND NOT "chain_demo_award__a0_hi" IS NULL
              THEN "chain_demo_award__a0_hi"
              ELSE CAST(0 AS BIGINT)
            END
          ) - (
            (
              (
                CASE
                  WHEN "chain_demo_award__applies" AND NOT "chain_demo_award__a0_hi" IS NULL
                  THEN "chain_demo_award__a0_hi"
                  ELSE CAST(0 AS BIGINT)
                END
              ) * CAST(5 AS BIGINT)
            ) // CAST(10 AS BIGINT)
          )
        ) AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "funding_county",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          (
            CAST(0 AS BIGINT)
          ) + (
            CASE
              WHEN "provincial_demo_award__applies" AND NOT "provincial_demo_award__a0_hi" IS NULL
              THEN "provincial_demo_award__a0_hi"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "typical_case_award__applies" AND NOT "typical_case_award__a0_hi" IS NULL
            THEN "typical_case_award__a0_hi"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "funding_unspecified",
    CASE WHEN "error_field" IS NULL THEN "reform_subsidy__applies__q1" ELSE NULL END AS "reform_subsidy__applies__q1",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q1"
      THEN CAST((
        CAST("reform_subsidy__lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "reform_subsidy__min__q1",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q1"
      THEN CAST((
        CAST("reform_subsidy__hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "reform_subsidy__max__q1",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q1"
      THEN CAST((
        CAST("reform_subsidy__a0_lo" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_min__q1",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q1"
      THEN CAST((
        CAST("reform_subsidy__a0_hi" AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          (
            (
              (
                (
                  (
                    (
                      (
                        CAST(0 AS BIGINT)
                      ) + (
                        CASE
                          WHEN "reform_subsidy__applies__q1"
                          THEN "reform_subsidy__a0_lo"
                          ELSE CAST(0 AS BIGINT)
                        END
                      )
                    ) + (
                      CASE
                        WHEN "chain_demo_award__applies"
                        THEN "chain_demo_award__a0_lo"
                        ELSE CAST(0 AS BIGINT)
                      END
                    )
                  ) + (
                    CASE
                      WHEN "provincial_demo_award__applies"
                      THEN "provincial_demo_award__a0_lo"
                      ELSE CAST(0 AS BIGINT)
                    END
                  )
                ) + (
                  CASE
                    WHEN "typical_case_award__applies"
                    THEN "typical_case_award__a0_lo"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "platform_building__applies"
                  THEN "platform_building__a0_lo"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "training_subsidy__applies"
                THEN "training_subsidy__a0_lo"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies"
              THEN "diagnosis_subsidy__a0_lo"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies"
            THEN "evaluation_subsidy__a0_lo"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "total_min__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          (
            (
              (
                (
                  (
                    (
                      (
                        CAST(0 AS BIGINT)
                      ) + (
                        CASE
                          WHEN "reform_subsidy__applies__q1"
                          THEN "reform_subsidy__a0_hi"
                          ELSE CAST(0 AS BIGINT)
                        END
                      )
                    ) + (
                      CASE
                        WHEN "chain_demo_award__applies"
                        THEN "chain_demo_award__a0_hi"
                        ELSE CAST(0 AS BIGINT)
                      END
                    )
                  ) + (
                    CASE
                      WHEN "provincial_demo_award__applies"
                      THEN "provincial_demo_award__a0_hi"
                      ELSE CAST(0 AS BIGINT)
                    END
                  )
                ) + (
                  CASE
                    WHEN "typical_case_award__applies"
                    THEN "typical_case_award__a0_hi"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "platform_building__applies"
                  THEN "platform_building__a0_hi"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "training_subsidy__applies"
                THEN "training_subsidy__a0_hi"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies"
              THEN "diagnosis_subsidy__a0_hi"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies"
            THEN "evaluation_subsidy__a0_hi"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "total_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          (
            (
              (
                CAST(0 AS BIGINT)
              ) + (
                CASE
                  WHEN "reform_subsidy__applies__q1" AND NOT "reform_subsidy__a0_hi" IS NULL
                  THEN "reform_subsidy__a0_hi"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "platform_building__applies" AND NOT "platform_building__a0_hi" IS NULL
                THEN "platform_building__a0_hi"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies" AND NOT "diagnosis_subsidy__a0_hi" IS NULL
              THEN "diagnosis_subsidy__a0_hi"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies" AND NOT "evaluation_subsidy__a0_hi" IS NULL
            THEN "evaluation_subsidy__a0_hi"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(15, 0))
      ) * (
        0.01
      ) AS DECIMAL(15, 2))
      ELSE NULL
    END AS "funding_province__q1"
  FROM a0
)
SELECT
  "row_id",
  "error_field",
  "in_force",
  CASE WHEN "error_field" IS NULL THEN "excluded" ELSE NULL END AS "excluded",
  CASE
    WHEN "error_field" IS NULL
    THEN "reform_subsidy__applies" OR "reform_subsidy__applies__q1"
    ELSE NULL
  END AS "reform_subsidy__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "reform_subsidy__applies" OR "reform_subsidy__applies__q1"
      )
      AND NOT (
        (
          "reform_subsidy__applies" AND "reform_subsidy__min" IS NULL
        )
        OR (
          "reform_subsidy__applies__q1" AND "reform_subsidy__min__q1" IS NULL
        )
      )
      THEN LEAST(
        CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__min" ELSE 0 END,
        CASE WHEN "reform_subsidy__applies__q1" THEN "reform_subsidy__min__q1" ELSE 0 END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "reform_subsidy__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "reform_subsidy__applies" OR "reform_subsidy__applies__q1"
      )
      AND NOT (
        (
          "reform_subsidy__applies" AND "reform_subsidy__min" IS NULL
        )
        OR (
          "reform_subsidy__applies__q1" AND "reform_subsidy__min__q1" IS NULL
        )
      )
      THEN CASE
        WHEN CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__max" ELSE 0 END IS NULL
        OR CASE WHEN "reform_subsidy__applies__q1" THEN "reform_subsidy__max__q1" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__max" ELSE 0 END,
          CASE WHEN "reform_subsidy__applies__q1" THEN "reform_subsidy__max__q1" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "reform_subsidy__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "reform_subsidy__applies" OR "reform_subsidy__applies__q1"
      THEN CASE
        WHEN CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_min" ELSE 0 END IS NULL
        OR CASE
          WHEN "reform_subsidy__applies__q1"
          THEN "reform_subsidy__paid_min__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_min" ELSE 0 END,
          CASE
            WHEN "reform_subsidy__applies__q1"
            THEN "reform_subsidy__paid_min__q1"
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
      WHEN "reform_subsidy__applies" OR "reform_subsidy__applies__q1"
      THEN CASE
        WHEN CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_max" ELSE 0 END IS NULL
        OR CASE
          WHEN "reform_subsidy__applies__q1"
          THEN "reform_subsidy__paid_max__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_max" ELSE 0 END,
          CASE
            WHEN "reform_subsidy__applies__q1"
            THEN "reform_subsidy__paid_max__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "reform_subsidy__paid_max",
  "chain_demo_award__applies" AS "chain_demo_award__applies",
  "chain_demo_award__min" AS "chain_demo_award__min",
  "chain_demo_award__max" AS "chain_demo_award__max",
  "chain_demo_award__paid_min" AS "chain_demo_award__paid_min",
  "chain_demo_award__paid_max" AS "chain_demo_award__paid_max",
  "provincial_demo_award__applies" AS "provincial_demo_award__applies",
  "provincial_demo_award__min" AS "provincial_demo_award__min",
  "provincial_demo_award__max" AS "provincial_demo_award__max",
  "provincial_demo_award__paid_min" AS "provincial_demo_award__paid_min",
  "provincial_demo_award__paid_max" AS "provincial_demo_award__paid_max",
  "typical_case_award__applies" AS "typical_case_award__applies",
  "typical_case_award__min" AS "typical_case_award__min",
  "typical_case_award__max" AS "typical_case_award__max",
  "typical_case_award__paid_min" AS "typical_case_award__paid_min",
  "typical_case_award__paid_max" AS "typical_case_award__paid_max",
  "platform_building__applies" AS "platform_building__applies",
  "platform_building__min" AS "platform_building__min",
  "platform_building__max" AS "platform_building__max",
  "platform_building__paid_min" AS "platform_building__paid_min",
  "platform_building__paid_max" AS "platform_building__paid_max",
  "training_subsidy__applies" AS "training_subsidy__applies",
  "training_subsidy__min" AS "training_subsidy__min",
  "training_subsidy__max" AS "training_subsidy__max",
  "training_subsidy__paid_min" AS "training_subsidy__paid_min",
  "training_subsidy__paid_max" AS "training_subsidy__paid_max",
  "diagnosis_subsidy__applies" AS "diagnosis_subsidy__applies",
  "diagnosis_subsidy__min" AS "diagnosis_subsidy__min",
  "diagnosis_subsidy__max" AS "diagnosis_subsidy__max",
  "diagnosis_subsidy__paid_min" AS "diagnosis_subsidy__paid_min",
  "diagnosis_subsidy__paid_max" AS "diagnosis_subsidy__paid_max",
  "evaluation_subsidy__applies" AS "evaluation_subsidy__applies",
  "evaluation_subsidy__min" AS "evaluation_subsidy__min",
  "evaluation_subsidy__max" AS "evaluation_subsidy__max",
  "evaluation_subsidy__paid_min" AS "evaluation_subsidy__paid_min",
  "evaluation_subsidy__paid_max" AS "evaluation_subsidy__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "total_min" IS NULL OR "total_min__q1" IS NULL
      THEN NULL
      ELSE LEAST("total_min", "total_min__q1")
    END
    ELSE NULL
  END AS "total_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "total_max" IS NULL OR "total_max__q1" IS NULL
      THEN NULL
      ELSE GREATEST("total_max", "total_max__q1")
    END
    ELSE NULL
  END AS "total_max",
  "funding_central" AS "funding_central",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "total_max" IS NULL
      THEN "funding_province"
      WHEN "total_max__q1" IS NULL
      THEN "funding_province__q1"
      WHEN "total_max" = GREATEST("total_max", "total_max__q1")
      THEN "funding_province"
      WHEN "total_max__q1" = GREATEST("total_max", "total_max__q1")
      THEN "funding_province__q1"
      ELSE NULL
    END
    ELSE NULL
  END AS "funding_province",
  "funding_city" AS "funding_city",
  "funding_county" AS "funding_county",
  "funding_unspecified" AS "funding_unspecified"
FROM res;
