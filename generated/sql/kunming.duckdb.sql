-- generated from policies/kunming.policy by policyc — do not edit; regenerate with `policyc build`
-- 解读 encouraged_industry（第七条第（三）项）：本查询覆盖各种读法（limited、any_industry），各列取最低额至最高额
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
      WHEN NOT "p"."spend_consulting" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."spend_consulting", '^[0-9]{1,15}([.][0-9]{1,2})?$')
      )
      THEN 'spend_consulting'
      WHEN NOT "p"."lighthouse" IS NULL AND (
        NOT "p"."lighthouse" IN ('true', 'false')
      )
      THEN 'lighthouse'
      WHEN NOT "p"."digital_workshop_title" IS NULL
      AND (
        NOT "p"."digital_workshop_title" IN ('true', 'false')
      )
      THEN 'digital_workshop_title'
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
      WHEN NOT "p"."is_sme" IS NULL AND (
        NOT "p"."is_sme" IN ('true', 'false')
      )
      THEN 'is_sme'
      WHEN NOT "p"."pilot_ended_unaccepted" IS NULL
      AND (
        NOT "p"."pilot_ended_unaccepted" IN ('true', 'false')
      )
      THEN 'pilot_ended_unaccepted'
      WHEN NOT "p"."pilot_suspended" IS NULL
      AND (
        NOT "p"."pilot_suspended" IN ('true', 'false')
      )
      THEN 'pilot_suspended'
      WHEN NOT "p"."falsified_application_3y" IS NULL
      AND (
        NOT "p"."falsified_application_3y" IN ('true', 'false')
      )
      THEN 'falsified_application_3y'
      WHEN NOT "p"."evaluation_agency" IS NULL
      AND (
        NOT "p"."evaluation_agency" IN ('true', 'false')
      )
      THEN 'evaluation_agency'
      WHEN NOT "p"."accepted_enterprises_served" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."accepted_enterprises_served", '^-?[0-9]{1,10}$')
        OR COALESCE(TRY_CAST("p"."accepted_enterprises_served" AS DECIMAL(11, 0)) < 0, FALSE)
        OR COALESCE(TRY_CAST("p"."accepted_enterprises_served" AS DECIMAL(11, 0)) > 1000000000, FALSE)
      )
      THEN 'accepted_enterprises_served'
      WHEN NOT "p"."awarded_products" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."awarded_products", '^-?[0-9]{1,10}$')
        OR COALESCE(TRY_CAST("p"."awarded_products" AS DECIMAL(11, 0)) < 0, FALSE)
        OR COALESCE(TRY_CAST("p"."awarded_products" AS DECIMAL(11, 0)) > 1000000000, FALSE)
      )
      THEN 'awarded_products'
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
      WHEN NOT "p"."cloud_platform_adopted" IS NULL
      AND (
        NOT "p"."cloud_platform_adopted" IN ('true', 'false')
      )
      THEN 'cloud_platform_adopted'
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
      WHEN NOT "p"."independent_legal_person" IS NULL
      AND (
        NOT "p"."independent_legal_person" IN ('true', 'false')
      )
      THEN 'independent_legal_person'
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
      WHEN NOT "p"."registered_in_city" IS NULL
      AND (
        NOT "p"."registered_in_city" IN ('true', 'false')
      )
      THEN 'registered_in_city'
      WHEN NOT "p"."typical_case_title" IS NULL
      AND (
        NOT "p"."typical_case_title" IN ('true', 'false')
      )
      THEN 'typical_case_title'
      ELSE CAST(NULL AS TEXT)
    END AS "error_field",
    CURRENT_DATE >= CAST('2023-06-12' AS DATE)
    AND CURRENT_DATE <= CAST('2026-12-31' AS DATE) AS "in_force",
    "p"."applicant_type" AS "applicant_type",
    "p"."industry" AS "industry",
    COALESCE("p"."in_pilot_scope" = 'true', FALSE) AS "in_pilot_scope",
    COALESCE("p"."acceptance_passed" = 'true', FALSE) AS "acceptance_passed",
    COALESCE(TRY_CAST("p"."digital_level" AS DECIMAL(1, 0)), CAST(0 AS DECIMAL(1, 0))) AS "digital_level",
    COALESCE(TRY_CAST("p"."spend_software_cloud" AS DECIMAL(17, 2)), CAST(0 AS DECIMAL(17, 2))) AS "spend_software_cloud",
    COALESCE(TRY_CAST("p"."spend_data_equipment" AS DECIMAL(17, 2)), CAST(0 AS DECIMAL(17, 2))) AS "spend_data_equipment",
    COALESCE(TRY_CAST("p"."spend_consulting" AS DECIMAL(17, 2)), CAST(0 AS DECIMAL(17, 2))) AS "spend_consulting",
    COALESCE("p"."lighthouse" = 'true', FALSE) AS "lighthouse",
    COALESCE("p"."digital_workshop_title" = 'true', FALSE) AS "digital_workshop_title",
    COALESCE("p"."chain_transformation_award" = 'true', FALSE) AS "chain_transformation_award",
    COALESCE("p"."serious_dishonesty_3y" = 'true', FALSE) AS "serious_dishonesty_3y",
    COALESCE("p"."little_giant_central_funded" = 'true', FALSE) AS "little_giant_central_funded",
    COALESCE("p"."in_2022_pilot" = 'true', FALSE) AS "in_2022_pilot",
    COALESCE("p"."is_sme" = 'true', FALSE) AS "is_sme",
    COALESCE("p"."pilot_ended_unaccepted" = 'true', FALSE) AS "pilot_ended_unaccepted",
    COALESCE("p"."pilot_suspended" = 'true', FALSE) AS "pilot_suspended",
    COALESCE("p"."falsified_application_3y" = 'true', FALSE) AS "falsified_application_3y",
    COALESCE("p"."evaluation_agency" = 'true', FALSE) AS "evaluation_agency",
    CASE
      WHEN REGEXP_MATCHES(
        (
          "p"."industry"
        ),
        '[' || '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～備學綠緑葯藥裝製電綠力料                  　' || CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133) || ']'
      )
      THEN TRANSLATE(
        (
          "p"."industry"
        ),
        '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～備學綠緑葯藥裝製電綠力料                  　' || CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133),
        '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~备学绿绿药药装制电绿力料'
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
        COALESCE("p"."serious_dishonesty_3y", FALSE)
      )
      OR (
        COALESCE("p"."pilot_ended_unaccepted", FALSE)
      )
      OR (
        COALESCE("p"."pilot_suspended", FALSE)
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
    END AS "spend_consulting__fen"
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
      AND COALESCE((
        "p"."digital_level"
      ) >= (
        CAST(2 AS DECIMAL(1, 0))
      ), FALSE)
      AND COALESCE("p"."is_sme", FALSE)
    ) AS "reform_subsidy__applies",
    CASE
      WHEN COALESCE((
        "p"."digital_level"
      ) = (
        CAST(2 AS DECIMAL(1, 0))
      ), FALSE)
      THEN LEAST(CAST(0 AS BIGINT), CAST(200000000 AS BIGINT))
      WHEN COALESCE((
        "p"."digital_level"
      ) = (
        CAST(3 AS DECIMAL(1, 0))
      ), FALSE)
      THEN LEAST(CAST(0 AS BIGINT), CAST(400000000 AS BIGINT))
      WHEN COALESCE((
        "p"."digital_level"
      ) >= (
        CAST(4 AS DECIMAL(1, 0))
      ), FALSE)
      THEN LEAST(CAST(0 AS BIGINT), CAST(500000000 AS BIGINT))
      ELSE CAST(0 AS BIGINT)
    END AS "reform_subsidy__raw_lo",
    CASE
      WHEN COALESCE((
        "p"."digital_level"
      ) = (
        CAST(2 AS DECIMAL(1, 0))
      ), FALSE)
      THEN LEAST(
        (
          CAST(5 AS BIGINT)
        ) * (
          (
            "p"."spend_software_cloud__fen"
          ) + (
            "p"."spend_data_equipment__fen"
          )
        ),
        CAST(200000000 AS BIGINT)
      )
      WHEN COALESCE((
        "p"."digital_level"
      ) = (
        CAST(3 AS DECIMAL(1, 0))
      ), FALSE)
      THEN LEAST(
        (
          CAST(5 AS BIGINT)
        ) * (
          (
            "p"."spend_software_cloud__fen"
          ) + (
            "p"."spend_data_equipment__fen"
          )
        ),
        CAST(400000000 AS BIGINT)
      )
      WHEN COALESCE((
        "p"."digital_level"
      ) >= (
        CAST(4 AS DECIMAL(1, 0))
      ), FALSE)
      THEN LEAST(
        (
          CAST(5 AS BIGINT)
        ) * (
          (
            "p"."spend_software_cloud__fen"
          ) + (
            "p"."spend_data_equipment__fen"
          )
        ),
        CAST(500000000 AS BIGINT)
      )
      ELSE CAST(0 AS BIGINT)
    END AS "reform_subsidy__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."lighthouse", FALSE) AS "lighthouse_award__applies",
    CAST(200000 AS BIGINT) AS "lighthouse_award__raw",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND (
      COALESCE("p"."digital_workshop_title", FALSE)
      AND COALESCE(
        COALESCE(
          COALESCE(
            (
              "p"."industry__key"
            ) IN ('化学新材料制品制造', '民族药品制品制造', '化学药品制造', '高原特色电力装备制造', '绿色食品制品制造'),
            FALSE
          ),
          FALSE
        ),
        FALSE
      )
      AND COALESCE("p"."is_sme", FALSE)
    ) AS "workshop_award__applies",
    CAST(0 AS BIGINT) AS "workshop_award__raw_lo",
    CAST(1000000 AS BIGINT) AS "workshop_award__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND (
      COALESCE("p"."chain_transformation_award", FALSE)
      AND COALESCE(
        COALESCE(
          COALESCE(
            (
              "p"."industry__key"
            ) IN ('化学新材料制品制造', '民族药品制品制造', '化学药品制造', '高原特色电力装备制造', '绿色食品制品制造'),
            FALSE
          ),
          FALSE
        ),
        FALSE
      )
    ) AS "chain_award__applies",
    CAST(0 AS BIGINT) AS "chain_award__raw_lo",
    CAST(1000000 AS BIGINT) AS "chain_award__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND (
      COALESCE("p"."in_pilot_scope", FALSE)
      AND COALESCE("p"."acceptance_passed", FALSE)
      AND COALESCE((
        "p"."spend_consulting"
      ) > (
        CAST(0 AS DECIMAL(1, 0))
      ), FALSE)
    ) AS "diagnosis_subsidy__applies",
    CAST(NULL AS DECIMAL(1, 0)) AS "diagnosis_subsidy__raw_lo",
    CAST(NULL AS DECIMAL(1, 0)) AS "diagnosis_subsidy__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE("p"."evaluation_agency", FALSE) AS "evaluation_subsidy__applies",
    CAST(NULL AS DECIMAL(1, 0)) AS "evaluation_subsidy__raw_lo",
    CAST(NULL AS DECIMAL(1, 0)) AS "evaluation_subsidy__raw_hi",
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
    ) AS "cap1__raw",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND (
      COALESCE("p"."digital_workshop_title", FALSE)
      AND COALESCE(COALESCE(TRUE, FALSE), FALSE)
      AND COALESCE("p"."is_sme", FALSE)
    ) AS "workshop_award__applies__q1",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND (
      COALESCE("p"."chain_transformation_award", FALSE)
      AND COALESCE(COALESCE(TRUE, FALSE), FALSE)
    ) AS "chain_award__applies__q1"
  FROM x AS p
), i AS (
  SELECT
    *,
    (
      "reform_subsidy__raw_lo"
    ) // CAST(10 AS BIGINT) AS "reform_subsidy__lo",
    (
      "reform_subsidy__raw_hi"
    ) // CAST(10 AS BIGINT) AS "reform_subsidy__hi",
    (
      "lighthouse_award__raw"
    ) * CAST(100 AS BIGINT) AS "lighthouse_award__lo",
    (
      "lighthouse_award__raw"
    ) * CAST(100 AS BIGINT) AS "lighthouse_award__hi",
    (
      "workshop_award__raw_lo"
    ) * CAST(100 AS BIGINT) AS "workshop_award__lo",
    (
      "workshop_award__raw_hi"
    ) * CAST(100 AS BIGINT) AS "workshop_award__hi",
    (
      "chain_award__raw_lo"
    ) * CAST(100 AS BIGINT) AS "chain_award__lo",
    (
      "chain_award__raw_hi"
    ) * CAST(100 AS BIGINT) AS "chain_award__hi",
    CAST((
      CAST("diagnosis_subsidy__raw_lo" AS DECIMAL(3, 2))
    ) * (
      100
    ) AS BIGINT) AS "diagnosis_subsidy__lo",
    CAST((
      CAST("diagnosis_subsidy__raw_hi" AS DECIMAL(3, 2))
    ) * (
      100
    ) AS BIGINT) AS "diagnosis_subsidy__hi",
    CAST((
      CAST("evaluation_subsidy__raw_lo" AS DECIMAL(3, 2))
    ) * (
      100
    ) AS BIGINT) AS "evaluation_subsidy__lo",
    CAST((
      CAST("evaluation_subsidy__raw_hi" AS DECIMAL(3, 2))
    ) * (
      100
    ) AS BIGINT) AS "evaluation_subsidy__hi"
  FROM r
), a0 AS (
  SELECT
    *,
    "reform_subsidy__lo" AS "reform_subsidy__a0_lo",
    "reform_subsidy__hi" AS "reform_subsidy__a0_hi",
    "lighthouse_award__lo" AS "lighthouse_award__a0_lo",
    "lighthouse_award__hi" AS "lighthouse_award__a0_hi",
    "workshop_award__lo" AS "workshop_award__a0_lo",
    "workshop_award__hi" AS "workshop_award__a0_hi",
    "chain_award__lo" AS "chain_award__a0_lo",
    "chain_award__hi" AS "chain_award__a0_hi",
    CASE
      WHEN "diagnosis_subsidy__lo" IS NULL
      THEN CAST(0 AS BIGINT)
      ELSE "diagnosis_subsidy__lo"
    END AS "diagnosis_subsidy__a0_lo",
    "diagnosis_subsidy__hi" AS "diagnosis_subsidy__a0_hi",
    CASE
      WHEN "evaluation_subsidy__lo" IS NULL
      THEN CAST(0 AS BIGINT)
      ELSE "evaluation_subsidy__lo"
    END AS "evaluation_subsidy__a0_lo",
    "evaluation_subsidy__hi" AS "evaluation_subsidy__a0_hi"
  FROM i
), c1l AS (
  SELECT
    *,
    (
      "cap1__raw"
    ) // CAST(10 AS BIGINT) AS "cap1__lim_lo"
  FROM a0 AS p
), c1m AS (
  SELECT
    *,
    "cap1__lim_lo" AS "cap1__room0",
    "cap1__lim_lo" AS "cap1__lim_hi"
  FROM c1l
), c1a0 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "reform_subsidy__applies"
      THEN LEAST("reform_subsidy__a0_lo", "cap1__room0")
      ELSE "reform_subsidy__a0_lo"
    END AS BIGINT) AS "reform_subsidy__c1_lo",
    CASE
      WHEN "reform_subsidy__applies"
      THEN GREATEST((
        "cap1__room0"
      ) - (
        "reform_subsidy__a0_lo"
      ), 0)
      ELSE "cap1__room0"
    END AS "cap1__room1"
  FROM c1m
), c1a1 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "lighthouse_award__applies"
      THEN LEAST("lighthouse_award__a0_lo", "cap1__room1")
      ELSE "lighthouse_award__a0_lo"
    END AS BIGINT) AS "lighthouse_award__c1_lo",
    CASE
      WHEN "lighthouse_award__applies"
      THEN GREATEST((
        "cap1__room1"
      ) - (
        "lighthouse_award__a0_lo"
      ), 0)
      ELSE "cap1__room1"
    END AS "cap1__room2"
  FROM c1a0
), c1a2 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "workshop_award__applies"
      THEN LEAST("workshop_award__a0_lo", "cap1__room2")
      ELSE "workshop_award__a0_lo"
    END AS BIGINT) AS "workshop_award__c1_lo",
    CASE
      WHEN "workshop_award__applies"
      THEN GREATEST((
        "cap1__room2"
      ) - (
        "workshop_award__a0_lo"
      ), 0)
      ELSE "cap1__room2"
    END AS "cap1__room3",
    CAST(CASE
      WHEN "workshop_award__applies__q1"
      THEN LEAST("workshop_award__a0_lo", "cap1__room2")
      ELSE "workshop_award__a0_lo"
    END AS BIGINT) AS "workshop_award__c1_lo__q1",
    CASE
      WHEN "workshop_award__applies__q1"
      THEN GREATEST((
        "cap1__room2"
      ) - (
        "workshop_award__a0_lo"
      ), 0)
      ELSE "cap1__room2"
    END AS "cap1__room3__q1"
  FROM c1a1
), c1a3 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "chain_award__applies"
      THEN LEAST("chain_award__a0_lo", "cap1__room3")
      ELSE "chain_award__a0_lo"
    END AS BIGINT) AS "chain_award__c1_lo",
    CASE
      WHEN "chain_award__applies"
      THEN GREATEST((
        "cap1__room3"
      ) - (
        "chain_award__a0_lo"
      ), 0)
      ELSE "cap1__room3"
    END AS "cap1__room4",
    CAST(CASE
      WHEN "chain_award__applies__q1"
      THEN LEAST("chain_award__a0_lo", "cap1__room3__q1")
      ELSE "chain_award__a0_lo"
    END AS BIGINT) AS "chain_award__c1_lo__q1",
    CASE
      WHEN "chain_award__applies__q1"
      THEN GREATEST((
        "cap1__room3__q1"
      ) - (
        "chain_award__a0_lo"
      ), 0)
      ELSE "cap1__room3__q1"
    END AS "cap1__room4__q1"
  FROM c1a2
), c1a4 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "diagnosis_subsidy__applies"
      THEN LEAST("diagnosis_subsidy__a0_lo", "cap1__room4")
      ELSE "diagnosis_subsidy__a0_lo"
    END AS BIGINT) AS "diagnosis_subsidy__c1_lo",
    CASE
      WHEN "diagnosis_subsidy__applies"
      THEN GREATEST((
        "cap1__room4"
      ) - (
        "diagnosis_subsidy__a0_lo"
      ), 0)
      ELSE "cap1__room4"
    END AS "cap1__room5",
    CAST(CASE
      WHEN "diagnosis_subsidy__applies"
      THEN LEAST("diagnosis_subsidy__a0_lo", "cap1__room4__q1")
      ELSE "diagnosis_subsidy__a0_lo"
    END AS BIGINT) AS "diagnosis_subsidy__c1_lo__q1",
    CASE
      WHEN "diagnosis_subsidy__applies"
      THEN GREATEST((
        "cap1__room4__q1"
      ) - (
        "diagnosis_subsidy__a0_lo"
      ), 0)
      ELSE "cap1__room4__q1"
    END AS "cap1__room5__q1"
  FROM c1a3
), c1s AS (
  SELECT
    *,
    GREATEST(
      (
        "cap1__lim_hi"
      ) - (
        (
          (
            (
              (
                (
                  CAST(0 AS BIGINT)
                ) + (
                  CASE
                    WHEN "reform_subsidy__applies"
                    THEN "reform_subsidy__c1_lo"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "lighthouse_award__applies"
                  THEN "lighthouse_award__c1_lo"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "workshop_award__applies"
                THEN "workshop_award__c1_lo"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "chain_award__applies"
              THEN "chain_award__c1_lo"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "diagnosis_subsidy__applies"
            THEN "diagnosis_subsidy__c1_lo"
            ELSE CAST(0 AS BIGINT)
          END
        )
      ),
      0
    ) AS "cap1__spare0",
    GREATEST(
      (
        "cap1__lim_hi"
      ) - (
        (
          (
            (
              (
                (
                  CAST(0 AS BIGINT)
                ) + (
                  CASE
                    WHEN "reform_subsidy__applies"
                    THEN "reform_subsidy__c1_lo"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "lighthouse_award__applies"
                  THEN "lighthouse_award__c1_lo"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "workshop_award__applies__q1"
                THEN "workshop_award__c1_lo__q1"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "chain_award__applies__q1"
              THEN "chain_award__c1_lo__q1"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "diagnosis_subsidy__applies"
            THEN "diagnosis_subsidy__c1_lo__q1"
            ELSE CAST(0 AS BIGINT)
          END
        )
      ),
      0
    ) AS "cap1__spare0__q1"
  FROM c1a4
), c1b0 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "reform_subsidy__applies"
      THEN (
        "reform_subsidy__c1_lo"
      ) + (
        CASE
          WHEN "reform_subsidy__a0_hi" IS NULL
          THEN "cap1__spare0"
          ELSE LEAST((
            "reform_subsidy__a0_hi"
          ) - (
            "reform_subsidy__c1_lo"
          ), "cap1__spare0")
        END
      )
      ELSE "reform_subsidy__a0_hi"
    END AS BIGINT) AS "reform_subsidy__c1_hi",
    CASE
      WHEN "reform_subsidy__applies"
      THEN CASE
        WHEN "reform_subsidy__a0_hi" IS NULL
        THEN CAST(0 AS BIGINT)
        ELSE GREATEST(
          (
            "cap1__spare0"
          ) - (
            (
              "reform_subsidy__a0_hi"
            ) - (
              "reform_subsidy__c1_lo"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare0"
    END AS "cap1__spare1",
    CAST(CASE
      WHEN "reform_subsidy__applies"
      THEN (
        "reform_subsidy__c1_lo"
      ) + (
        CASE
          WHEN "reform_subsidy__a0_hi" IS NULL
          THEN "cap1__spare0__q1"
          ELSE LEAST((
            "reform_subsidy__a0_hi"
          ) - (
            "reform_subsidy__c1_lo"
          ), "cap1__spare0__q1")
        END
      )
      ELSE "reform_subsidy__a0_hi"
    END AS BIGINT) AS "reform_subsidy__c1_hi__q1",
    CASE
      WHEN "reform_subsidy__applies"
      THEN CASE
        WHEN "reform_subsidy__a0_hi" IS NULL
        THEN CAST(0 AS BIGINT)
        ELSE GREATEST(
          (
            "cap1__spare0__q1"
          ) - (
            (
              "reform_subsidy__a0_hi"
            ) - (
              "reform_subsidy__c1_lo"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare0__q1"
    END AS "cap1__spare1__q1"
  FROM c1s
), c1b1 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "lighthouse_award__applies"
      THEN (
        "lighthouse_award__c1_lo"
      ) + (
        CASE
          WHEN "lighthouse_award__a0_hi" IS NULL
          THEN "cap1__spare1"
          ELSE LEAST((
            "lighthouse_award__a0_hi"
          ) - (
            "lighthouse_award__c1_lo"
          ), "cap1__spare1")
        END
      )
      ELSE "lighthouse_award__a0_hi"
    END AS BIGINT) AS "lighthouse_award__c1_hi",
    CASE
      WHEN "lighthouse_award__applies"
      THEN CASE
        WHEN "lighthouse_award__a0_hi" IS NULL
        THEN CAST(0 AS BIGINT)
        ELSE GREATEST(
          (
            "cap1__spare1"
          ) - (
            (
              "lighthouse_award__a0_hi"
            ) - (
              "lighthouse_award__c1_lo"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare1"
    END AS "cap1__spare2",
    CAST(CASE
      WHEN "lighthouse_award__applies"
      THEN (
        "lighthouse_award__c1_lo"
      ) + (
        CASE
          WHEN "lighthouse_award__a0_hi" IS NULL
          THEN "cap1__spare1__q1"
          ELSE LEAST(
            (
              "lighthouse_award__a0_hi"
            ) - (
              "lighthouse_award__c1_lo"
            ),
            "cap1__spare1__q1"
          )
        END
      )
      ELSE "lighthouse_award__a0_hi"
    END AS BIGINT) AS "lighthouse_award__c1_hi__q1",
    CASE
      WHEN "lighthouse_award__applies"
      THEN CASE
        WHEN "lighthouse_award__a0_hi" IS NULL
        THEN CAST(0 AS BIGINT)
        ELSE GREATEST(
          (
            "cap1__spare1__q1"
          ) - (
            (
              "lighthouse_award__a0_hi"
            ) - (
              "lighthouse_award__c1_lo"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare1__q1"
    END AS "cap1__spare2__q1"
  FROM c1b0
), c1b2 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "workshop_award__applies"
      THEN (
        "workshop_award__c1_lo"
      ) + (
        CASE
          WHEN "workshop_award__a0_hi" IS NULL
          THEN "cap1__spare2"
          ELSE LEAST((
            "workshop_award__a0_hi"
          ) - (
            "workshop_award__c1_lo"
          ), "cap1__spare2")
        END
      )
      ELSE "workshop_award__a0_hi"
    END AS BIGINT) AS "workshop_award__c1_hi",
    CASE
      WHEN "workshop_award__applies"
      THEN CASE
        WHEN "workshop_award__a0_hi" IS NULL
        THEN CAST(0 AS BIGINT)
        ELSE GREATEST(
          (
            "cap1__spare2"
          ) - (
            (
              "workshop_award__a0_hi"
            ) - (
              "workshop_award__c1_lo"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare2"
    END AS "cap1__spare3",
    CAST(CASE
      WHEN "workshop_award__applies__q1"
      THEN (
        "workshop_award__c1_lo__q1"
      ) + (
        CASE
          WHEN "workshop_award__a0_hi" IS NULL
          THEN "cap1__spare2__q1"
          ELSE LEAST(
            (
              "workshop_award__a0_hi"
            ) - (
              "workshop_award__c1_lo__q1"
            ),
            "cap1__spare2__q1"
          )
        END
      )
      ELSE "workshop_award__a0_hi"
    END AS BIGINT) AS "workshop_award__c1_hi__q1",
    CASE
      WHEN "workshop_award__applies__q1"
      THEN CASE
        WHEN "workshop_award__a0_hi" IS NULL
        THEN CAST(0 AS BIGINT)
        ELSE GREATEST(
          (
            "cap1__spare2__q1"
          ) - (
            (
              "workshop_award__a0_hi"
            ) - (
              "workshop_award__c1_lo__q1"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare2__q1"
    END AS "cap1__spare3__q1"
  FROM c1b1
), c1b3 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "chain_award__applies"
      THEN (
        "chain_award__c1_lo"
      ) + (
        CASE
          WHEN "chain_award__a0_hi" IS NULL
          THEN "cap1__spare3"
          ELSE LEAST((
            "chain_award__a0_hi"
          ) - (
            "chain_award__c1_lo"
          ), "cap1__spare3")
        END
      )
      ELSE "chain_award__a0_hi"
    END AS BIGINT) AS "chain_award__c1_hi",
    CASE
      WHEN "chain_award__applies"
      THEN CASE
        WHEN "chain_award__a0_hi" IS NULL
        THEN CAST(0 AS BIGINT)
        ELSE GREATEST(
          (
            "cap1__spare3"
          ) - (
            (
              "chain_award__a0_hi"
            ) - (
              "chain_award__c1_lo"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare3"
    END AS "cap1__spare4",
    CAST(CASE
      WHEN "chain_award__applies__q1"
      THEN (
        "chain_award__c1_lo__q1"
      ) + (
        CASE
          WHEN "chain_award__a0_hi" IS NULL
          THEN "cap1__spare3__q1"
          ELSE LEAST((
            "chain_award__a0_hi"
          ) - (
            "chain_award__c1_lo__q1"
          ), "cap1__spare3__q1")
        END
      )
      ELSE "chain_award__a0_hi"
    END AS BIGINT) AS "chain_award__c1_hi__q1",
    CASE
      WHEN "chain_award__applies__q1"
      THEN CASE
        WHEN "chain_award__a0_hi" IS NULL
        THEN CAST(0 AS BIGINT)
        ELSE GREATEST(
          (
            "cap1__spare3__q1"
          ) - (
            (
              "chain_award__a0_hi"
            ) - (
              "chain_award__c1_lo__q1"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare3__q1"
    END AS "cap1__spare4__q1"
  FROM c1b2
), c1b4 AS (
  SELECT
    *,
    CAST(CASE
      WHEN "diagnosis_subsidy__applies"
      THEN (
        "diagnosis_subsidy__c1_lo"
      ) + (
        CASE
          WHEN "diagnosis_subsidy__a0_hi" IS NULL
          THEN "cap1__spare4"
          ELSE LEAST(
            (
              "diagnosis_subsidy__a0_hi"
            ) - (
              "diagnosis_subsidy__c1_lo"
            ),
            "cap1__spare4"
          )
        END
      )
      ELSE "diagnosis_subsidy__a0_hi"
    END AS BIGINT) AS "diagnosis_subsidy__c1_hi",
    CASE
      WHEN "diagnosis_subsidy__applies"
      THEN CASE
        WHEN "diagnosis_subsidy__a0_hi" IS NULL
        THEN CAST(0 AS BIGINT)
        ELSE GREATEST(
          (
            "cap1__spare4"
          ) - (
            (
              "diagnosis_subsidy__a0_hi"
            ) - (
              "diagnosis_subsidy__c1_lo"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare4"
    END AS "cap1__spare5",
    CAST(CASE
      WHEN "diagnosis_subsidy__applies"
      THEN (
        "diagnosis_subsidy__c1_lo__q1"
      ) + (
        CASE
          WHEN "diagnosis_subsidy__a0_hi" IS NULL
          THEN "cap1__spare4__q1"
          ELSE LEAST(
            (
              "diagnosis_subsidy__a0_hi"
            ) - (
              "diagnosis_subsidy__c1_lo__q1"
            ),
            "cap1__spare4__q1"
          )
        END
      )
      ELSE "diagnosis_subsidy__a0_hi"
    END AS BIGINT) AS "diagnosis_subsidy__c1_hi__q1",
    CASE
      WHEN "diagnosis_subsidy__applies"
      THEN CASE
        WHEN "diagnosis_subsidy__a0_hi" IS NULL
        THEN CAST(0 AS BIGINT)
        ELSE GREATEST(
          (
            "cap1__spare4__q1"
          ) - (
            (
              "diagnosis_subsidy__a0_hi"
            ) - (
              "diagnosis_subsidy__c1_lo__q1"
            )
          ),
          0
        )
      END
      ELSE "cap1__spare4__q1"
    END AS "cap1__spare5__q1"
  FROM c1b3
), pay AS (
  SELECT
    *,
    "reform_subsidy__applies" AND NOT "reform_subsidy__lo" IS NULL AS "pay1__any",
    (
      CAST(0 AS BIGINT)
    ) + (
      CASE
        WHEN "reform_subsidy__applies" AND NOT "reform_subsidy__lo" IS NULL
        THEN "reform_subsidy__c1_lo"
        ELSE CAST(0 AS BIGINT)
      END
    ) AS "pay1__base_lo",
    (
      CAST(0 AS BIGINT)
    ) + (
      CASE
        WHEN "reform_subsidy__applies" AND NOT "reform_subsidy__lo" IS NULL
        THEN "reform_subsidy__c1_hi"
        ELSE CAST(0 AS BIGINT)
      END
    ) AS "pay1__base_hi",
    (
      CAST(0 AS BIGINT)
    ) + (
      CASE
        WHEN "reform_subsidy__applies" AND NOT "reform_subsidy__lo" IS NULL
        THEN "reform_subsidy__c1_hi__q1"
        ELSE CAST(0 AS BIGINT)
      END
    ) AS "pay1__base_hi__q1"
  FROM c1b4
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
        CAST("reform_subsidy__lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "reform_subsidy__min",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST((
        CAST("reform_subsidy__hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "reform_subsidy__max",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST((
        CAST("reform_subsidy__c1_lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST((
        CAST("reform_subsidy__c1_hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_max",
    CASE WHEN "error_field" IS NULL THEN "lighthouse_award__applies" ELSE NULL END AS "lighthouse_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "lighthouse_award__applies"
      THEN CAST((
        CAST("lighthouse_award__lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "lighthouse_award__min",
    CASE
      WHEN "error_field" IS NULL AND "lighthouse_award__applies"
      THEN CAST((
        CAST("lighthouse_award__hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "lighthouse_award__max",
    CASE
      WHEN "error_field" IS NULL AND "lighthouse_award__applies"
      THEN CAST((
        CAST("lighthouse_award__c1_lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "lighthouse_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "lighthouse_award__applies"
      THEN CAST((
        CAST("lighthouse_award__c1_hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "lighthouse_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "workshop_award__applies" ELSE NULL END AS "workshop_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "workshop_award__applies"
      THEN CAST((
        CAST("workshop_award__lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "workshop_award__min",
    CASE
      WHEN "error_field" IS NULL AND "workshop_award__applies"
      THEN CAST((
        CAST("workshop_award__hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "workshop_award__max",
    CASE
      WHEN "error_field" IS NULL AND "workshop_award__applies"
      THEN CAST((
        CAST("workshop_award__c1_lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "workshop_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "workshop_award__applies"
      THEN CAST((
        CAST("workshop_award__c1_hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "workshop_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "chain_award__applies" ELSE NULL END AS "chain_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST((
        CAST("chain_award__lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "chain_award__min",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST((
        CAST("chain_award__hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "chain_award__max",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST((
        CAST("chain_award__c1_lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "chain_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST((
        CAST("chain_award__c1_hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "chain_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "diagnosis_subsidy__applies" ELSE NULL END AS "diagnosis_subsidy__applies",
    CASE
      WHEN "error_field" IS NULL AND "diagnosis_subsidy__applies"
      THEN CAST((
        CAST("diagnosis_subsidy__lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "diagnosis_subsidy__min",
    CASE
      WHEN "error_field" IS NULL AND "diagnosis_subsidy__applies"
      THEN CAST((
        CAST("diagnosis_subsidy__hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "diagnosis_subsidy__max",
    CASE
      WHEN "error_field" IS NULL AND "diagnosis_subsidy__applies"
      THEN CAST((
        CAST("diagnosis_subsidy__c1_lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "diagnosis_subsidy__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "diagnosis_subsidy__applies"
      THEN CAST((
        CAST("diagnosis_subsidy__c1_hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "diagnosis_subsidy__paid_max",
    CASE WHEN "error_field" IS NULL THEN "evaluation_subsidy__applies" ELSE NULL END AS "evaluation_subsidy__applies",
    CASE
      WHEN "error_field" IS NULL AND "evaluation_subsidy__applies"
      THEN CAST((
        CAST("evaluation_subsidy__lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "evaluation_subsidy__min",
    CASE
      WHEN "error_field" IS NULL AND "evaluation_subsidy__applies"
      THEN CAST((
        CAST("evaluation_subsidy__hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "evaluation_subsidy__max",
    CASE
      WHEN "error_field" IS NULL AND "evaluation_subsidy__applies"
      THEN CAST((
        CAST("evaluation_subsidy__a0_lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "evaluation_subsidy__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "evaluation_subsidy__applies"
      THEN CAST((
        CAST("evaluation_subsidy__a0_hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
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
                    CAST(0 AS BIGINT)
                  ) + (
                    CASE
                      WHEN "reform_subsidy__applies"
                      THEN "reform_subsidy__c1_lo"
                      ELSE CAST(0 AS BIGINT)
                    END
                  )
                ) + (
                  CASE
                    WHEN "lighthouse_award__applies"
                    THEN "lighthouse_award__c1_lo"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "workshop_award__applies"
                  THEN "workshop_award__c1_lo"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "chain_award__applies"
                THEN "chain_award__c1_lo"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies"
              THEN "diagnosis_subsidy__c1_lo"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies"
            THEN "evaluation_subsidy__a0_lo"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
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
                    CAST(0 AS BIGINT)
                  ) + (
                    CASE
                      WHEN "reform_subsidy__applies"
                      THEN "reform_subsidy__c1_hi"
                      ELSE CAST(0 AS BIGINT)
                    END
                  )
                ) + (
                  CASE
                    WHEN "lighthouse_award__applies"
                    THEN "lighthouse_award__c1_hi"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "workshop_award__applies"
                  THEN "workshop_award__c1_hi"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "chain_award__applies"
                THEN "chain_award__c1_hi"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies"
              THEN "diagnosis_subsidy__c1_hi"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies"
            THEN "evaluation_subsidy__a0_hi"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "total_max",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST(CAST(0 AS BIGINT) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "funding_central",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST(CAST(0 AS BIGINT) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "funding_province",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST(CAST(0 AS BIGINT) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "funding_city",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST(CAST(0 AS BIGINT) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "funding_county",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          (
            (
              (
                (
                  (
                    CAST(0 AS BIGINT)
                  ) + (
                    CASE
                      WHEN "reform_subsidy__applies" AND NOT "reform_subsidy__c1_hi" IS NULL
                      THEN "reform_subsidy__c1_hi"
                      ELSE CAST(0 AS BIGINT)
                    END
                  )
                ) + (
                  CASE
                    WHEN "lighthouse_award__applies" AND NOT "lighthouse_award__c1_hi" IS NULL
                    THEN "lighthouse_award__c1_hi"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "workshop_award__applies" AND NOT "workshop_award__c1_hi" IS NULL
                  THEN "workshop_award__c1_hi"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "chain_award__applies" AND NOT "chain_award__c1_hi" IS NULL
                THEN "chain_award__c1_hi"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies" AND NOT "diagnosis_subsidy__c1_hi" IS NULL
              THEN "diagnosis_subsidy__c1_hi"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies" AND NOT "evaluation_subsidy__a0_hi" IS NULL
            THEN "evaluation_subsidy__a0_hi"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "funding_unspecified",
    CASE
      WHEN "error_field" IS NULL AND "pay1__any"
      THEN CAST((
        CAST(CAST(0 AS BIGINT) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "pay_1_min",
    CASE
      WHEN "error_field" IS NULL AND "pay1__any"
      THEN CAST((
        CAST(CASE
          WHEN (
            (
              (
                "pay1__base_hi"
              ) * CAST(7 AS BIGINT)
            ) // CAST(10 AS BIGINT)
          ) IS NULL
          OR "pay1__base_hi" IS NULL
          THEN NULL
          ELSE LEAST(
            (
              (
                "pay1__base_hi"
              ) * CAST(7 AS BIGINT)
            ) // CAST(10 AS BIGINT),
            "pay1__base_hi"
          )
        END AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "pay_1_max",
    CASE
      WHEN "error_field" IS NULL AND "pay1__any"
      THEN CAST((
        CAST((
          "pay1__base_lo"
        ) - (
          (
            (
              "pay1__base_lo"
            ) * CAST(7 AS BIGINT)
          ) // CAST(10 AS BIGINT)
        ) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "pay_2_min",
    CASE
      WHEN "error_field" IS NULL AND "pay1__any"
      THEN CAST((
        CAST("pay1__base_hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "pay_2_max",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST((
        CAST("reform_subsidy__c1_hi__q1" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_max__q1",
    CASE
      WHEN "error_field" IS NULL AND "lighthouse_award__applies"
      THEN CAST((
        CAST("lighthouse_award__c1_hi__q1" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "lighthouse_award__paid_max__q1",
    CASE WHEN "error_field" IS NULL THEN "workshop_award__applies__q1" ELSE NULL END AS "workshop_award__applies__q1",
    CASE
      WHEN "error_field" IS NULL AND "workshop_award__applies__q1"
      THEN CAST((
        CAST("workshop_award__lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "workshop_award__min__q1",
    CASE
      WHEN "error_field" IS NULL AND "workshop_award__applies__q1"
      THEN CAST((
        CAST("workshop_award__hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "workshop_award__max__q1",
    CASE
      WHEN "error_field" IS NULL AND "workshop_award__applies__q1"
      THEN CAST((
        CAST("workshop_award__c1_lo__q1" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "workshop_award__paid_min__q1",
    CASE
      WHEN "error_field" IS NULL AND "workshop_award__applies__q1"
      THEN CAST((
        CAST("workshop_award__c1_hi__q1" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "workshop_award__paid_max__q1",
    CASE WHEN "error_field" IS NULL THEN "chain_award__applies__q1" ELSE NULL END AS "chain_award__applies__q1",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q1"
      THEN CAST((
        CAST("chain_award__lo" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "chain_award__min__q1",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q1"
      THEN CAST((
        CAST("chain_award__hi" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "chain_award__max__q1",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q1"
      THEN CAST((
        CAST("chain_award__c1_lo__q1" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "chain_award__paid_min__q1",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q1"
      THEN CAST((
        CAST("chain_award__c1_hi__q1" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "chain_award__paid_max__q1",
    CASE
      WHEN "error_field" IS NULL AND "diagnosis_subsidy__applies"
      THEN CAST((
        CAST("diagnosis_subsidy__c1_lo__q1" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "diagnosis_subsidy__paid_min__q1",
    CASE
      WHEN "error_field" IS NULL AND "diagnosis_subsidy__applies"
      THEN CAST((
        CAST("diagnosis_subsidy__c1_hi__q1" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "diagnosis_subsidy__paid_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          (
            (
              (
                (
                  (
                    CAST(0 AS BIGINT)
                  ) + (
                    CASE
                      WHEN "reform_subsidy__applies"
                      THEN "reform_subsidy__c1_lo"
                      ELSE CAST(0 AS BIGINT)
                    END
                  )
                ) + (
                  CASE
                    WHEN "lighthouse_award__applies"
                    THEN "lighthouse_award__c1_lo"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "workshop_award__applies__q1"
                  THEN "workshop_award__c1_lo__q1"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "chain_award__applies__q1"
                THEN "chain_award__c1_lo__q1"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies"
              THEN "diagnosis_subsidy__c1_lo__q1"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies"
            THEN "evaluation_subsidy__a0_lo"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
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
                    CAST(0 AS BIGINT)
                  ) + (
                    CASE
                      WHEN "reform_subsidy__applies"
                      THEN "reform_subsidy__c1_hi__q1"
                      ELSE CAST(0 AS BIGINT)
                    END
                  )
                ) + (
                  CASE
                    WHEN "lighthouse_award__applies"
                    THEN "lighthouse_award__c1_hi__q1"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "workshop_award__applies__q1"
                  THEN "workshop_award__c1_hi__q1"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "chain_award__applies__q1"
                THEN "chain_award__c1_hi__q1"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies"
              THEN "diagnosis_subsidy__c1_hi__q1"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies"
            THEN "evaluation_subsidy__a0_hi"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "total_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        CAST((
          (
            (
              (
                (
                  (
                    CAST(0 AS BIGINT)
                  ) + (
                    CASE
                      WHEN "reform_subsidy__applies" AND NOT "reform_subsidy__c1_hi__q1" IS NULL
                      THEN "reform_subsidy__c1_hi__q1"
                      ELSE CAST(0 AS BIGINT)
                    END
                  )
                ) + (
                  CASE
                    WHEN "lighthouse_award__applies" AND NOT "lighthouse_award__c1_hi__q1" IS NULL
                    THEN "lighthouse_award__c1_hi__q1"
                    ELSE CAST(0 AS BIGINT)
                  END
                )
              ) + (
                CASE
                  WHEN "workshop_award__applies__q1" AND NOT "workshop_award__c1_hi__q1" IS NULL
                  THEN "workshop_award__c1_hi__q1"
                  ELSE CAST(0 AS BIGINT)
                END
              )
            ) + (
              CASE
                WHEN "chain_award__applies__q1" AND NOT "chain_award__c1_hi__q1" IS NULL
                THEN "chain_award__c1_hi__q1"
                ELSE CAST(0 AS BIGINT)
              END
            )
          ) + (
            CASE
              WHEN "diagnosis_subsidy__applies" AND NOT "diagnosis_subsidy__c1_hi__q1" IS NULL
              THEN "diagnosis_subsidy__c1_hi__q1"
              ELSE CAST(0 AS BIGINT)
            END
          )
        ) + (
          CASE
            WHEN "evaluation_subsidy__applies" AND NOT "evaluation_subsidy__a0_hi" IS NULL
            THEN "evaluation_subsidy__a0_hi"
            ELSE CAST(0 AS BIGINT)
          END
        ) AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "funding_unspecified__q1",
    CASE
      WHEN "error_field" IS NULL AND "pay1__any"
      THEN CAST((
        CAST(CASE
          WHEN (
            (
              (
                "pay1__base_hi__q1"
              ) * CAST(7 AS BIGINT)
            ) // CAST(10 AS BIGINT)
          ) IS NULL
          OR "pay1__base_hi__q1" IS NULL
          THEN NULL
          ELSE LEAST(
            (
              (
                "pay1__base_hi__q1"
              ) * CAST(7 AS BIGINT)
            ) // CAST(10 AS BIGINT),
            "pay1__base_hi__q1"
          )
        END AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "pay_1_max__q1",
    CASE
      WHEN "error_field" IS NULL AND "pay1__any"
      THEN CAST((
        CAST("pay1__base_hi__q1" AS DECIMAL(18, 0))
      ) * (
        0.01
      ) AS DECIMAL(18, 2))
      ELSE NULL
    END AS "pay_2_max__q1"
  FROM pay
)
SELECT
  "row_id",
  "error_field",
  "in_force",
  CASE WHEN "error_field" IS NULL THEN "excluded" ELSE NULL END AS "excluded",
  CASE WHEN "error_field" IS NULL THEN "reform_subsidy__applies" ELSE NULL END AS "reform_subsidy__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "reform_subsidy__applies"
      AND NOT (
        (
          "reform_subsidy__applies" AND "reform_subsidy__min" IS NULL
        )
        OR (
          "reform_subsidy__applies" AND "reform_subsidy__min" IS NULL
        )
      )
      THEN LEAST(
        CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__min" ELSE 0 END,
        CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__min" ELSE 0 END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "reform_subsidy__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "reform_subsidy__applies"
      AND NOT (
        (
          "reform_subsidy__applies" AND "reform_subsidy__min" IS NULL
        )
        OR (
          "reform_subsidy__applies" AND "reform_subsidy__min" IS NULL
        )
      )
      THEN CASE
        WHEN CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__max" ELSE 0 END IS NULL
        OR CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__max" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__max" ELSE 0 END,
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__max" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "reform_subsidy__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "reform_subsidy__applies"
      THEN CASE
        WHEN CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_min" ELSE 0 END IS NULL
        OR CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_min" ELSE 0 END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_min" ELSE 0 END,
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_min" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "reform_subsidy__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "reform_subsidy__applies"
      THEN CASE
        WHEN CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_max" ELSE 0 END IS NULL
        OR CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_max__q1" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_max" ELSE 0 END,
          CASE WHEN "reform_subsidy__applies" THEN "reform_subsidy__paid_max__q1" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "reform_subsidy__paid_max",
  CASE WHEN "error_field" IS NULL THEN "lighthouse_award__applies" ELSE NULL END AS "lighthouse_award__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "lighthouse_award__applies"
      AND NOT (
        (
          "lighthouse_award__applies" AND "lighthouse_award__min" IS NULL
        )
        OR (
          "lighthouse_award__applies" AND "lighthouse_award__min" IS NULL
        )
      )
      THEN LEAST(
        CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__min" ELSE 0 END,
        CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__min" ELSE 0 END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "lighthouse_award__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "lighthouse_award__applies"
      AND NOT (
        (
          "lighthouse_award__applies" AND "lighthouse_award__min" IS NULL
        )
        OR (
          "lighthouse_award__applies" AND "lighthouse_award__min" IS NULL
        )
      )
      THEN CASE
        WHEN CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__max" ELSE 0 END IS NULL
        OR CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__max" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__max" ELSE 0 END,
          CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__max" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "lighthouse_award__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "lighthouse_award__applies"
      THEN CASE
        WHEN CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__paid_min" ELSE 0 END IS NULL
        OR CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__paid_min" ELSE 0 END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__paid_min" ELSE 0 END,
          CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__paid_min" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "lighthouse_award__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "lighthouse_award__applies"
      THEN CASE
        WHEN CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__paid_max" ELSE 0 END IS NULL
        OR CASE
          WHEN "lighthouse_award__applies"
          THEN "lighthouse_award__paid_max__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "lighthouse_award__applies" THEN "lighthouse_award__paid_max" ELSE 0 END,
          CASE
            WHEN "lighthouse_award__applies"
            THEN "lighthouse_award__paid_max__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "lighthouse_award__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN "workshop_award__applies" OR "workshop_award__applies__q1"
    ELSE NULL
  END AS "workshop_award__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "workshop_award__applies" OR "workshop_award__applies__q1"
      )
      AND NOT (
        (
          "workshop_award__applies" AND "workshop_award__min" IS NULL
        )
        OR (
          "workshop_award__applies__q1" AND "workshop_award__min__q1" IS NULL
        )
      )
      THEN LEAST(
        CASE WHEN "workshop_award__applies" THEN "workshop_award__min" ELSE 0 END,
        CASE WHEN "workshop_award__applies__q1" THEN "workshop_award__min__q1" ELSE 0 END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "workshop_award__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "workshop_award__applies" OR "workshop_award__applies__q1"
      )
      AND NOT (
        (
          "workshop_award__applies" AND "workshop_award__min" IS NULL
        )
        OR (
          "workshop_award__applies__q1" AND "workshop_award__min__q1" IS NULL
        )
      )
      THEN CASE
        WHEN CASE WHEN "workshop_award__applies" THEN "workshop_award__max" ELSE 0 END IS NULL
        OR CASE WHEN "workshop_award__applies__q1" THEN "workshop_award__max__q1" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "workshop_award__applies" THEN "workshop_award__max" ELSE 0 END,
          CASE WHEN "workshop_award__applies__q1" THEN "workshop_award__max__q1" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "workshop_award__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "workshop_award__applies" OR "workshop_award__applies__q1"
      THEN CASE
        WHEN CASE WHEN "workshop_award__applies" THEN "workshop_award__paid_min" ELSE 0 END IS NULL
        OR CASE
          WHEN "workshop_award__applies__q1"
          THEN "workshop_award__paid_min__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE WHEN "workshop_award__applies" THEN "workshop_award__paid_min" ELSE 0 END,
          CASE
            WHEN "workshop_award__applies__q1"
            THEN "workshop_award__paid_min__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "workshop_award__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "workshop_award__applies" OR "workshop_award__applies__q1"
      THEN CASE
        WHEN CASE WHEN "workshop_award__applies" THEN "workshop_award__paid_max" ELSE 0 END IS NULL
        OR CASE
          WHEN "workshop_award__applies__q1"
          THEN "workshop_award__paid_max__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "workshop_award__applies" THEN "workshop_award__paid_max" ELSE 0 END,
          CASE
            WHEN "workshop_award__applies__q1"
            THEN "workshop_award__paid_max__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "workshop_award__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN "chain_award__applies" OR "chain_award__applies__q1"
    ELSE NULL
  END AS "chain_award__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "chain_award__applies" OR "chain_award__applies__q1"
      )
      AND NOT (
        (
          "chain_award__applies" AND "chain_award__min" IS NULL
        )
        OR (
          "chain_award__applies__q1" AND "chain_award__min__q1" IS NULL
        )
      )
      THEN LEAST(
        CASE WHEN "chain_award__applies" THEN "chain_award__min" ELSE 0 END,
        CASE WHEN "chain_award__applies__q1" THEN "chain_award__min__q1" ELSE 0 END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "chain_award__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "chain_award__applies" OR "chain_award__applies__q1"
      )
      AND NOT (
        (
          "chain_award__applies" AND "chain_award__min" IS NULL
        )
        OR (
          "chain_award__applies__q1" AND "chain_award__min__q1" IS NULL
        )
      )
      THEN CASE
        WHEN CASE WHEN "chain_award__applies" THEN "chain_award__max" ELSE 0 END IS NULL
        OR CASE WHEN "chain_award__applies__q1" THEN "chain_award__max__q1" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "chain_award__applies" THEN "chain_award__max" ELSE 0 END,
          CASE WHEN "chain_award__applies__q1" THEN "chain_award__max__q1" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "chain_award__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "chain_award__applies" OR "chain_award__applies__q1"
      THEN CASE
        WHEN CASE WHEN "chain_award__applies" THEN "chain_award__paid_min" ELSE 0 END IS NULL
        OR CASE WHEN "chain_award__applies__q1" THEN "chain_award__paid_min__q1" ELSE 0 END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE WHEN "chain_award__applies" THEN "chain_award__paid_min" ELSE 0 END,
          CASE WHEN "chain_award__applies__q1" THEN "chain_award__paid_min__q1" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "chain_award__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "chain_award__applies" OR "chain_award__applies__q1"
      THEN CASE
        WHEN CASE WHEN "chain_award__applies" THEN "chain_award__paid_max" ELSE 0 END IS NULL
        OR CASE WHEN "chain_award__applies__q1" THEN "chain_award__paid_max__q1" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "chain_award__applies" THEN "chain_award__paid_max" ELSE 0 END,
          CASE WHEN "chain_award__applies__q1" THEN "chain_award__paid_max__q1" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "chain_award__paid_max",
  CASE WHEN "error_field" IS NULL THEN "diagnosis_subsidy__applies" ELSE NULL END AS "diagnosis_subsidy__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "diagnosis_subsidy__applies"
      AND NOT (
        (
          "diagnosis_subsidy__applies" AND "diagnosis_subsidy__min" IS NULL
        )
        OR (
          "diagnosis_subsidy__applies" AND "diagnosis_subsidy__min" IS NULL
        )
      )
      THEN LEAST(
        CASE WHEN "diagnosis_subsidy__applies" THEN "diagnosis_subsidy__min" ELSE 0 END,
        CASE WHEN "diagnosis_subsidy__applies" THEN "diagnosis_subsidy__min" ELSE 0 END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "diagnosis_subsidy__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "diagnosis_subsidy__applies"
      AND NOT (
        (
          "diagnosis_subsidy__applies" AND "diagnosis_subsidy__min" IS NULL
        )
        OR (
          "diagnosis_subsidy__applies" AND "diagnosis_subsidy__min" IS NULL
        )
      )
      THEN CASE
        WHEN CASE WHEN "diagnosis_subsidy__applies" THEN "diagnosis_subsidy__max" ELSE 0 END IS NULL
        OR CASE WHEN "diagnosis_subsidy__applies" THEN "diagnosis_subsidy__max" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "diagnosis_subsidy__applies" THEN "diagnosis_subsidy__max" ELSE 0 END,
          CASE WHEN "diagnosis_subsidy__applies" THEN "diagnosis_subsidy__max" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "diagnosis_subsidy__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "diagnosis_subsidy__applies"
      THEN CASE
        WHEN CASE WHEN "diagnosis_subsidy__applies" THEN "diagnosis_subsidy__paid_min" ELSE 0 END IS NULL
        OR CASE
          WHEN "diagnosis_subsidy__applies"
          THEN "diagnosis_subsidy__paid_min__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE WHEN "diagnosis_subsidy__applies" THEN "diagnosis_subsidy__paid_min" ELSE 0 END,
          CASE
            WHEN "diagnosis_subsidy__applies"
            THEN "diagnosis_subsidy__paid_min__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "diagnosis_subsidy__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "diagnosis_subsidy__applies"
      THEN CASE
        WHEN CASE WHEN "diagnosis_subsidy__applies" THEN "diagnosis_subsidy__paid_max" ELSE 0 END IS NULL
        OR CASE
          WHEN "diagnosis_subsidy__applies"
          THEN "diagnosis_subsidy__paid_max__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "diagnosis_subsidy__applies" THEN "diagnosis_subsidy__paid_max" ELSE 0 END,
          CASE
            WHEN "diagnosis_subsidy__applies"
            THEN "diagnosis_subsidy__paid_max__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "diagnosis_subsidy__paid_max",
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
  "funding_province" AS "funding_province",
  "funding_city" AS "funding_city",
  "funding_county" AS "funding_county",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "total_max" IS NULL
      THEN "funding_unspecified"
      WHEN "total_max__q1" IS NULL
      THEN "funding_unspecified__q1"
      WHEN "total_max" = GREATEST("total_max", "total_max__q1")
      THEN "funding_unspecified"
      WHEN "total_max__q1" = GREATEST("total_max", "total_max__q1")
      THEN "funding_unspecified__q1"
      ELSE NULL
    END
    ELSE NULL
  END AS "funding_unspecified",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE WHEN NOT "pay_1_min" IS NULL THEN COALESCE("pay_1_min", 0) ELSE NULL END
    ELSE NULL
  END AS "pay_1_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN NOT "pay_1_min" IS NULL
      THEN GREATEST(COALESCE("pay_1_max", 0), COALESCE("pay_1_max__q1", 0))
      ELSE NULL
    END
    ELSE NULL
  END AS "pay_1_max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE WHEN NOT "pay_2_min" IS NULL THEN COALESCE("pay_2_min", 0) ELSE NULL END
    ELSE NULL
  END AS "pay_2_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN NOT "pay_2_min" IS NULL
      THEN GREATEST(COALESCE("pay_2_max", 0), COALESCE("pay_2_max__q1", 0))
      ELSE NULL
    END
    ELSE NULL
  END AS "pay_2_max"
FROM res;
