-- generated from policies/nanchang.policy by policyc — do not edit; regenerate with `policyc build`
-- 解读 double_funding（第七条第（五）项）：本查询覆盖各种读法（choose_one、excluded），各列取最低额至最高额
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
      WHEN NOT "p"."good_tax_and_credit" IS NULL
      AND (
        NOT "p"."good_tax_and_credit" IN ('true', 'false')
      )
      THEN 'good_tax_and_credit'
      WHEN NOT "p"."is_sme" IS NULL AND (
        NOT "p"."is_sme" IN ('true', 'false')
      )
      THEN 'is_sme'
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
      WHEN NOT "p"."model_enterprise" IS NULL
      AND (
        NOT "p"."model_enterprise" IN ('true', 'false')
      )
      THEN 'model_enterprise'
      WHEN NOT "p"."provincial_pilot_funded" IS NULL
      AND (
        NOT "p"."provincial_pilot_funded" IN ('true', 'false')
      )
      THEN 'provincial_pilot_funded'
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
      WHEN NOT "p"."industry" IS NULL AND (
        LENGTH("p"."industry") > 1000
      )
      THEN 'industry'
      WHEN NOT "p"."lighthouse" IS NULL AND (
        NOT "p"."lighthouse" IN ('true', 'false')
      )
      THEN 'lighthouse'
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
      WHEN NOT "p"."spend_data_equipment" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."spend_data_equipment", '^[0-9]{1,15}([.][0-9]{1,2})?$')
      )
      THEN 'spend_data_equipment'
      WHEN NOT "p"."spend_software_cloud" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."spend_software_cloud", '^[0-9]{1,15}([.][0-9]{1,2})?$')
      )
      THEN 'spend_software_cloud'
      WHEN NOT "p"."typical_case_title" IS NULL
      AND (
        NOT "p"."typical_case_title" IN ('true', 'false')
      )
      THEN 'typical_case_title'
      ELSE CAST(NULL AS TEXT)
    END AS "error_field",
    CURRENT_DATE >= CAST('2024-03-27' AS DATE)
    AND CURRENT_DATE <= CAST('2025-12-31' AS DATE) AS "in_force",
    "p"."applicant_type" AS "applicant_type",
    COALESCE("p"."independent_legal_person" = 'true', FALSE) AS "independent_legal_person",
    COALESCE("p"."operating_normally" = 'true', FALSE) AS "operating_normally",
    COALESCE("p"."good_tax_and_credit" = 'true', FALSE) AS "good_tax_and_credit",
    COALESCE("p"."is_sme" = 'true', FALSE) AS "is_sme",
    COALESCE("p"."in_pilot_scope" = 'true', FALSE) AS "in_pilot_scope",
    COALESCE("p"."acceptance_passed" = 'true', FALSE) AS "acceptance_passed",
    COALESCE("p"."excellent_provider" = 'true', FALSE) AS "excellent_provider",
    COALESCE("p"."chain_transformation_award" = 'true', FALSE) AS "chain_transformation_award",
    COALESCE("p"."little_giant_central_funded" = 'true', FALSE) AS "little_giant_central_funded",
    COALESCE("p"."in_2022_pilot" = 'true', FALSE) AS "in_2022_pilot",
    COALESCE("p"."model_enterprise" = 'true', FALSE) AS "model_enterprise",
    COALESCE("p"."provincial_pilot_funded" = 'true', FALSE) AS "provincial_pilot_funded"
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
          OR COALESCE("p"."is_sme", FALSE)
        )
      )
      OR NOT (
        (
          COALESCE("p"."independent_legal_person", FALSE)
          AND COALESCE("p"."operating_normally", FALSE)
        )
      )
      OR NOT (
        COALESCE("p"."good_tax_and_credit", FALSE)
      )
      OR NOT (
        (
          COALESCE((
            "p"."applicant_type"
          ) <> (
            'enterprise'
          ), FALSE)
          OR COALESCE("p"."acceptance_passed", FALSE)
        )
      )
      OR NOT (
        COALESCE(COALESCE(TRUE, FALSE), FALSE)
      )
      OR (
        COALESCE("p"."little_giant_central_funded", FALSE)
      )
      OR (
        COALESCE("p"."in_2022_pilot", FALSE)
      )
    ) AS "excluded",
    (
      NOT (
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
          COALESCE("p"."independent_legal_person", FALSE)
          AND COALESCE("p"."operating_normally", FALSE)
        )
      )
      OR NOT (
        COALESCE("p"."good_tax_and_credit", FALSE)
      )
      OR NOT (
        (
          COALESCE((
            "p"."applicant_type"
          ) <> (
            'enterprise'
          ), FALSE)
          OR COALESCE("p"."acceptance_passed", FALSE)
        )
      )
      OR NOT (
        COALESCE(NOT (
          COALESCE("p"."provincial_pilot_funded", FALSE)
        ), FALSE)
      )
      OR (
        COALESCE("p"."little_giant_central_funded", FALSE)
      )
      OR (
        COALESCE("p"."in_2022_pilot", FALSE)
      )
    ) AS "excluded__q1"
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
    CAST(NULL AS DECIMAL(1, 0)) AS "reform_subsidy__raw_lo",
    CAST(NULL AS DECIMAL(1, 0)) AS "reform_subsidy__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."model_enterprise", FALSE) AS "model_enterprise_award__applies",
    CAST(NULL AS DECIMAL(1, 0)) AS "model_enterprise_award__raw_lo",
    CAST(NULL AS DECIMAL(1, 0)) AS "model_enterprise_award__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE("p"."excellent_provider", FALSE) AS "service_provider_award__applies",
    CAST(NULL AS DECIMAL(1, 0)) AS "service_provider_award__raw_lo",
    CAST(NULL AS DECIMAL(1, 0)) AS "service_provider_award__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."chain_transformation_award", FALSE) AS "chain_award__applies",
    CAST(NULL AS DECIMAL(1, 0)) AS "chain_award__raw_lo",
    CAST(NULL AS DECIMAL(1, 0)) AS "chain_award__raw_hi",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q1"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND (
      COALESCE("p"."in_pilot_scope", FALSE)
      AND COALESCE("p"."acceptance_passed", FALSE)
    ) AS "reform_subsidy__applies__q1",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q1"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."model_enterprise", FALSE) AS "model_enterprise_award__applies__q1",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q1"
      )
      AND COALESCE("p"."applicant_type" = 'service_provider', FALSE)
    )
    AND COALESCE("p"."excellent_provider", FALSE) AS "service_provider_award__applies__q1",
    (
      (
        "p"."in_force" AND NOT "p"."excluded__q1"
      )
      AND COALESCE("p"."applicant_type" = 'enterprise', FALSE)
    )
    AND COALESCE("p"."chain_transformation_award", FALSE) AS "chain_award__applies__q1"
  FROM x AS p
), i AS (
  SELECT
    *,
    CAST(CAST("reform_subsidy__raw_lo" AS DECIMAL(3, 2)) AS DECIMAL(3, 2)) AS "reform_subsidy__lo",
    CAST(CAST("reform_subsidy__raw_hi" AS DECIMAL(3, 2)) AS DECIMAL(3, 2)) AS "reform_subsidy__hi",
    CAST(CAST("model_enterprise_award__raw_lo" AS DECIMAL(3, 2)) AS DECIMAL(3, 2)) AS "model_enterprise_award__lo",
    CAST(CAST("model_enterprise_award__raw_hi" AS DECIMAL(3, 2)) AS DECIMAL(3, 2)) AS "model_enterprise_award__hi",
    CAST(CAST("service_provider_award__raw_lo" AS DECIMAL(3, 2)) AS DECIMAL(3, 2)) AS "service_provider_award__lo",
    CAST(CAST("service_provider_award__raw_hi" AS DECIMAL(3, 2)) AS DECIMAL(3, 2)) AS "service_provider_award__hi",
    CAST(CAST("chain_award__raw_lo" AS DECIMAL(3, 2)) AS DECIMAL(3, 2)) AS "chain_award__lo",
    CAST(CAST("chain_award__raw_hi" AS DECIMAL(3, 2)) AS DECIMAL(3, 2)) AS "chain_award__hi"
  FROM r
), a0 AS (
  SELECT
    *,
    CASE
      WHEN "reform_subsidy__lo" IS NULL
      THEN CAST(0 AS DECIMAL(3, 2))
      ELSE "reform_subsidy__lo"
    END AS "reform_subsidy__a0_lo",
    "reform_subsidy__hi" AS "reform_subsidy__a0_hi",
    CASE
      WHEN "model_enterprise_award__lo" IS NULL
      THEN CAST(0 AS DECIMAL(3, 2))
      ELSE "model_enterprise_award__lo"
    END AS "model_enterprise_award__a0_lo",
    "model_enterprise_award__hi" AS "model_enterprise_award__a0_hi",
    CASE
      WHEN "service_provider_award__lo" IS NULL
      THEN CAST(0 AS DECIMAL(3, 2))
      ELSE "service_provider_award__lo"
    END AS "service_provider_award__a0_lo",
    "service_provider_award__hi" AS "service_provider_award__a0_hi",
    CASE
      WHEN "chain_award__lo" IS NULL
      THEN CAST(0 AS DECIMAL(3, 2))
      ELSE "chain_award__lo"
    END AS "chain_award__a0_lo",
    "chain_award__hi" AS "chain_award__a0_hi"
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
      THEN CAST("reform_subsidy__lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "reform_subsidy__min",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST("reform_subsidy__hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "reform_subsidy__max",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST("reform_subsidy__a0_lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies"
      THEN CAST("reform_subsidy__a0_hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_max",
    CASE WHEN "error_field" IS NULL THEN "model_enterprise_award__applies" ELSE NULL END AS "model_enterprise_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "model_enterprise_award__applies"
      THEN CAST("model_enterprise_award__lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "model_enterprise_award__min",
    CASE
      WHEN "error_field" IS NULL AND "model_enterprise_award__applies"
      THEN CAST("model_enterprise_award__hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "model_enterprise_award__max",
    CASE
      WHEN "error_field" IS NULL AND "model_enterprise_award__applies"
      THEN CAST("model_enterprise_award__a0_lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "model_enterprise_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "model_enterprise_award__applies"
      THEN CAST("model_enterprise_award__a0_hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "model_enterprise_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "service_provider_award__applies" ELSE NULL END AS "service_provider_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "service_provider_award__applies"
      THEN CAST("service_provider_award__lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "service_provider_award__min",
    CASE
      WHEN "error_field" IS NULL AND "service_provider_award__applies"
      THEN CAST("service_provider_award__hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "service_provider_award__max",
    CASE
      WHEN "error_field" IS NULL AND "service_provider_award__applies"
      THEN CAST("service_provider_award__a0_lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "service_provider_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "service_provider_award__applies"
      THEN CAST("service_provider_award__a0_hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "service_provider_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "chain_award__applies" ELSE NULL END AS "chain_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST("chain_award__lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "chain_award__min",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST("chain_award__hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "chain_award__max",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST("chain_award__a0_lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "chain_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies"
      THEN CAST("chain_award__a0_hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "chain_award__paid_max",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              CAST(0 AS DECIMAL(3, 2))
            ) + (
              CASE
                WHEN "reform_subsidy__applies"
                THEN "reform_subsidy__a0_lo"
                ELSE CAST(0 AS DECIMAL(3, 2))
              END
            )
          ) + (
            CASE
              WHEN "model_enterprise_award__applies"
              THEN "model_enterprise_award__a0_lo"
              ELSE CAST(0 AS DECIMAL(3, 2))
            END
          )
        ) + (
          CASE
            WHEN "service_provider_award__applies"
            THEN "service_provider_award__a0_lo"
            ELSE CAST(0 AS DECIMAL(3, 2))
          END
        )
      ) + (
        CASE
          WHEN "chain_award__applies"
          THEN "chain_award__a0_lo"
          ELSE CAST(0 AS DECIMAL(3, 2))
        END
      ) AS DECIMAL(3, 2))
      ELSE NULL
    END AS "total_min",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              CAST(0 AS DECIMAL(3, 2))
            ) + (
              CASE
                WHEN "reform_subsidy__applies"
                THEN "reform_subsidy__a0_hi"
                ELSE CAST(0 AS DECIMAL(3, 2))
              END
            )
          ) + (
            CASE
              WHEN "model_enterprise_award__applies"
              THEN "model_enterprise_award__a0_hi"
              ELSE CAST(0 AS DECIMAL(3, 2))
            END
          )
        ) + (
          CASE
            WHEN "service_provider_award__applies"
            THEN "service_provider_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(3, 2))
          END
        )
      ) + (
        CASE
          WHEN "chain_award__applies"
          THEN "chain_award__a0_hi"
          ELSE CAST(0 AS DECIMAL(3, 2))
        END
      ) AS DECIMAL(3, 2))
      ELSE NULL
    END AS "total_max",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(3, 2)) AS DECIMAL(3, 2))
      ELSE NULL
    END AS "funding_central",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(3, 2)) AS DECIMAL(3, 2))
      ELSE NULL
    END AS "funding_province",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(3, 2)) AS DECIMAL(3, 2))
      ELSE NULL
    END AS "funding_city",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(3, 2)) AS DECIMAL(3, 2))
      ELSE NULL
    END AS "funding_county",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              CAST(0 AS DECIMAL(3, 2))
            ) + (
              CASE
                WHEN "reform_subsidy__applies" AND NOT "reform_subsidy__a0_hi" IS NULL
                THEN "reform_subsidy__a0_hi"
                ELSE CAST(0 AS DECIMAL(3, 2))
              END
            )
          ) + (
            CASE
              WHEN "model_enterprise_award__applies" AND NOT "model_enterprise_award__a0_hi" IS NULL
              THEN "model_enterprise_award__a0_hi"
              ELSE CAST(0 AS DECIMAL(3, 2))
            END
          )
        ) + (
          CASE
            WHEN "service_provider_award__applies" AND NOT "service_provider_award__a0_hi" IS NULL
            THEN "service_provider_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(3, 2))
          END
        )
      ) + (
        CASE
          WHEN "chain_award__applies" AND NOT "chain_award__a0_hi" IS NULL
          THEN "chain_award__a0_hi"
          ELSE CAST(0 AS DECIMAL(3, 2))
        END
      ) AS DECIMAL(3, 2))
      ELSE NULL
    END AS "funding_unspecified",
    CASE WHEN "error_field" IS NULL THEN "excluded__q1" ELSE NULL END AS "excluded__q1",
    CASE WHEN "error_field" IS NULL THEN "reform_subsidy__applies__q1" ELSE NULL END AS "reform_subsidy__applies__q1",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q1"
      THEN CAST("reform_subsidy__lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "reform_subsidy__min__q1",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q1"
      THEN CAST("reform_subsidy__hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "reform_subsidy__max__q1",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q1"
      THEN CAST("reform_subsidy__a0_lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_min__q1",
    CASE
      WHEN "error_field" IS NULL AND "reform_subsidy__applies__q1"
      THEN CAST("reform_subsidy__a0_hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "reform_subsidy__paid_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN "model_enterprise_award__applies__q1"
      ELSE NULL
    END AS "model_enterprise_award__applies__q1",
    CASE
      WHEN "error_field" IS NULL AND "model_enterprise_award__applies__q1"
      THEN CAST("model_enterprise_award__lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "model_enterprise_award__min__q1",
    CASE
      WHEN "error_field" IS NULL AND "model_enterprise_award__applies__q1"
      THEN CAST("model_enterprise_award__hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "model_enterprise_award__max__q1",
    CASE
      WHEN "error_field" IS NULL AND "model_enterprise_award__applies__q1"
      THEN CAST("model_enterprise_award__a0_lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "model_enterprise_award__paid_min__q1",
    CASE
      WHEN "error_field" IS NULL AND "model_enterprise_award__applies__q1"
      THEN CAST("model_enterprise_award__a0_hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "model_enterprise_award__paid_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN "service_provider_award__applies__q1"
      ELSE NULL
    END AS "service_provider_award__applies__q1",
    CASE
      WHEN "error_field" IS NULL AND "service_provider_award__applies__q1"
      THEN CAST("service_provider_award__lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "service_provider_award__min__q1",
    CASE
      WHEN "error_field" IS NULL AND "service_provider_award__applies__q1"
      THEN CAST("service_provider_award__hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "service_provider_award__max__q1",
    CASE
      WHEN "error_field" IS NULL AND "service_provider_award__applies__q1"
      THEN CAST("service_provider_award__a0_lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "service_provider_award__paid_min__q1",
    CASE
      WHEN "error_field" IS NULL AND "service_provider_award__applies__q1"
      THEN CAST("service_provider_award__a0_hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "service_provider_award__paid_max__q1",
    CASE WHEN "error_field" IS NULL THEN "chain_award__applies__q1" ELSE NULL END AS "chain_award__applies__q1",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q1"
      THEN CAST("chain_award__lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "chain_award__min__q1",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q1"
      THEN CAST("chain_award__hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "chain_award__max__q1",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q1"
      THEN CAST("chain_award__a0_lo" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "chain_award__paid_min__q1",
    CASE
      WHEN "error_field" IS NULL AND "chain_award__applies__q1"
      THEN CAST("chain_award__a0_hi" AS DECIMAL(3, 2))
      ELSE NULL
    END AS "chain_award__paid_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              CAST(0 AS DECIMAL(3, 2))
            ) + (
              CASE
                WHEN "reform_subsidy__applies__q1"
                THEN "reform_subsidy__a0_lo"
                ELSE CAST(0 AS DECIMAL(3, 2))
              END
            )
          ) + (
            CASE
              WHEN "model_enterprise_award__applies__q1"
              THEN "model_enterprise_award__a0_lo"
              ELSE CAST(0 AS DECIMAL(3, 2))
            END
          )
        ) + (
          CASE
            WHEN "service_provider_award__applies__q1"
            THEN "service_provider_award__a0_lo"
            ELSE CAST(0 AS DECIMAL(3, 2))
          END
        )
      ) + (
        CASE
          WHEN "chain_award__applies__q1"
          THEN "chain_award__a0_lo"
          ELSE CAST(0 AS DECIMAL(3, 2))
        END
      ) AS DECIMAL(3, 2))
      ELSE NULL
    END AS "total_min__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              CAST(0 AS DECIMAL(3, 2))
            ) + (
              CASE
                WHEN "reform_subsidy__applies__q1"
                THEN "reform_subsidy__a0_hi"
                ELSE CAST(0 AS DECIMAL(3, 2))
              END
            )
          ) + (
            CASE
              WHEN "model_enterprise_award__applies__q1"
              THEN "model_enterprise_award__a0_hi"
              ELSE CAST(0 AS DECIMAL(3, 2))
            END
          )
        ) + (
          CASE
            WHEN "service_provider_award__applies__q1"
            THEN "service_provider_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(3, 2))
          END
        )
      ) + (
        CASE
          WHEN "chain_award__applies__q1"
          THEN "chain_award__a0_hi"
          ELSE CAST(0 AS DECIMAL(3, 2))
        END
      ) AS DECIMAL(3, 2))
      ELSE NULL
    END AS "total_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          (
            (
              CAST(0 AS DECIMAL(3, 2))
            ) + (
              CASE
                WHEN "reform_subsidy__applies__q1" AND NOT "reform_subsidy__a0_hi" IS NULL
                THEN "reform_subsidy__a0_hi"
                ELSE CAST(0 AS DECIMAL(3, 2))
              END
            )
          ) + (
            CASE
              WHEN "model_enterprise_award__applies__q1"
              AND NOT "model_enterprise_award__a0_hi" IS NULL
              THEN "model_enterprise_award__a0_hi"
              ELSE CAST(0 AS DECIMAL(3, 2))
            END
          )
        ) + (
          CASE
            WHEN "service_provider_award__applies__q1"
            AND NOT "service_provider_award__a0_hi" IS NULL
            THEN "service_provider_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(3, 2))
          END
        )
      ) + (
        CASE
          WHEN "chain_award__applies__q1" AND NOT "chain_award__a0_hi" IS NULL
          THEN "chain_award__a0_hi"
          ELSE CAST(0 AS DECIMAL(3, 2))
        END
      ) AS DECIMAL(3, 2))
      ELSE NULL
    END AS "funding_unspecified__q1"
  FROM a0
)
SELECT
  "row_id",
  "error_field",
  "in_force",
  CASE WHEN "error_field" IS NULL THEN "excluded" AND "excluded__q1" ELSE NULL END AS "excluded",
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
  CASE
    WHEN "error_field" IS NULL
    THEN "model_enterprise_award__applies" OR "model_enterprise_award__applies__q1"
    ELSE NULL
  END AS "model_enterprise_award__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "model_enterprise_award__applies" OR "model_enterprise_award__applies__q1"
      )
      AND NOT (
        (
          "model_enterprise_award__applies" AND "model_enterprise_award__min" IS NULL
        )
        OR (
          "model_enterprise_award__applies__q1"
          AND "model_enterprise_award__min__q1" IS NULL
        )
      )
      THEN LEAST(
        CASE
          WHEN "model_enterprise_award__applies"
          THEN "model_enterprise_award__min"
          ELSE 0
        END,
        CASE
          WHEN "model_enterprise_award__applies__q1"
          THEN "model_enterprise_award__min__q1"
          ELSE 0
        END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "model_enterprise_award__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "model_enterprise_award__applies" OR "model_enterprise_award__applies__q1"
      )
      AND NOT (
        (
          "model_enterprise_award__applies" AND "model_enterprise_award__min" IS NULL
        )
        OR (
          "model_enterprise_award__applies__q1"
          AND "model_enterprise_award__min__q1" IS NULL
        )
      )
      THEN CASE
        WHEN CASE
          WHEN "model_enterprise_award__applies"
          THEN "model_enterprise_award__max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "model_enterprise_award__applies__q1"
          THEN "model_enterprise_award__max__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "model_enterprise_award__applies"
            THEN "model_enterprise_award__max"
            ELSE 0
          END,
          CASE
            WHEN "model_enterprise_award__applies__q1"
            THEN "model_enterprise_award__max__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "model_enterprise_award__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "model_enterprise_award__applies" OR "model_enterprise_award__applies__q1"
      THEN CASE
        WHEN CASE
          WHEN "model_enterprise_award__applies"
          THEN "model_enterprise_award__paid_min"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "model_enterprise_award__applies__q1"
          THEN "model_enterprise_award__paid_min__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE
            WHEN "model_enterprise_award__applies"
            THEN "model_enterprise_award__paid_min"
            ELSE 0
          END,
          CASE
            WHEN "model_enterprise_award__applies__q1"
            THEN "model_enterprise_award__paid_min__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "model_enterprise_award__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "model_enterprise_award__applies" OR "model_enterprise_award__applies__q1"
      THEN CASE
        WHEN CASE
          WHEN "model_enterprise_award__applies"
          THEN "model_enterprise_award__paid_max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "model_enterprise_award__applies__q1"
          THEN "model_enterprise_award__paid_max__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "model_enterprise_award__applies"
            THEN "model_enterprise_award__paid_max"
            ELSE 0
          END,
          CASE
            WHEN "model_enterprise_award__applies__q1"
            THEN "model_enterprise_award__paid_max__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "model_enterprise_award__paid_max",
  CASE
    WHEN "error_field" IS NULL
    THEN "service_provider_award__applies" OR "service_provider_award__applies__q1"
    ELSE NULL
  END AS "service_provider_award__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "service_provider_award__applies" OR "service_provider_award__applies__q1"
      )
      AND NOT (
        (
          "service_provider_award__applies" AND "service_provider_award__min" IS NULL
        )
        OR (
          "service_provider_award__applies__q1"
          AND "service_provider_award__min__q1" IS NULL
        )
      )
      THEN LEAST(
        CASE
          WHEN "service_provider_award__applies"
          THEN "service_provider_award__min"
          ELSE 0
        END,
        CASE
          WHEN "service_provider_award__applies__q1"
          THEN "service_provider_award__min__q1"
          ELSE 0
        END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "service_provider_award__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN (
        "service_provider_award__applies" OR "service_provider_award__applies__q1"
      )
      AND NOT (
        (
          "service_provider_award__applies" AND "service_provider_award__min" IS NULL
        )
        OR (
          "service_provider_award__applies__q1"
          AND "service_provider_award__min__q1" IS NULL
        )
      )
      THEN CASE
        WHEN CASE
          WHEN "service_provider_award__applies"
          THEN "service_provider_award__max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "service_provider_award__applies__q1"
          THEN "service_provider_award__max__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "service_provider_award__applies"
            THEN "service_provider_award__max"
            ELSE 0
          END,
          CASE
            WHEN "service_provider_award__applies__q1"
            THEN "service_provider_award__max__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "service_provider_award__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "service_provider_award__applies" OR "service_provider_award__applies__q1"
      THEN CASE
        WHEN CASE
          WHEN "service_provider_award__applies"
          THEN "service_provider_award__paid_min"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "service_provider_award__applies__q1"
          THEN "service_provider_award__paid_min__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE
            WHEN "service_provider_award__applies"
            THEN "service_provider_award__paid_min"
            ELSE 0
          END,
          CASE
            WHEN "service_provider_award__applies__q1"
            THEN "service_provider_award__paid_min__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "service_provider_award__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "service_provider_award__applies" OR "service_provider_award__applies__q1"
      THEN CASE
        WHEN CASE
          WHEN "service_provider_award__applies"
          THEN "service_provider_award__paid_max"
          ELSE 0
        END IS NULL
        OR CASE
          WHEN "service_provider_award__applies__q1"
          THEN "service_provider_award__paid_max__q1"
          ELSE 0
        END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE
            WHEN "service_provider_award__applies"
            THEN "service_provider_award__paid_max"
            ELSE 0
          END,
          CASE
            WHEN "service_provider_award__applies__q1"
            THEN "service_provider_award__paid_max__q1"
            ELSE 0
          END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "service_provider_award__paid_max",
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
  END AS "funding_unspecified"
FROM res;
