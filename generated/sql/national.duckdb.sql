-- generated from policies/national.policy by policyc — do not edit; regenerate with `policyc build`
-- 解读 fixed_award（四、（一））：本查询覆盖各种读法（ceiling、fixed），各列取最低额至最高额
WITH v AS (
  SELECT
    "p"."row_id",
    CASE
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
      WHEN NOT "p"."region" IS NULL
      AND (
        NOT "p"."region" IN ('east', 'central', 'west')
      )
      THEN 'region'
      WHEN NOT "p"."applicant_type" IS NULL
      AND (
        NOT "p"."applicant_type" IN ('enterprise', 'service_provider', 'platform_operator', 'public_institution')
      )
      THEN 'applicant_type'
      WHEN NOT "p"."digital_level" IS NULL
      AND (
        NOT REGEXP_MATCHES("p"."digital_level", '^-?[0-9]{1,1}$')
        OR COALESCE(TRY_CAST("p"."digital_level" AS DECIMAL(2, 0)) < 0, FALSE)
        OR COALESCE(TRY_CAST("p"."digital_level" AS DECIMAL(2, 0)) > 4, FALSE)
      )
      THEN 'digital_level'
      WHEN NOT "p"."is_sme" IS NULL AND (
        NOT "p"."is_sme" IN ('true', 'false')
      )
      THEN 'is_sme'
      WHEN NOT "p"."in_pilot_scope" IS NULL
      AND (
        NOT "p"."in_pilot_scope" IN ('true', 'false')
      )
      THEN 'in_pilot_scope'
      WHEN NOT "p"."selected_pilot_city" IS NULL
      AND (
        NOT "p"."selected_pilot_city" IN ('true', 'false')
      )
      THEN 'selected_pilot_city'
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
      WHEN NOT "p"."acceptance_passed" IS NULL
      AND (
        NOT "p"."acceptance_passed" IN ('true', 'false')
      )
      THEN 'acceptance_passed'
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
      WHEN NOT "p"."chain_transformation_award" IS NULL
      AND (
        NOT "p"."chain_transformation_award" IN ('true', 'false')
      )
      THEN 'chain_transformation_award'
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
      WHEN NOT "p"."independent_legal_person" IS NULL
      AND (
        NOT "p"."independent_legal_person" IN ('true', 'false')
      )
      THEN 'independent_legal_person'
      WHEN NOT "p"."industry" IS NULL AND (
        LENGTH("p"."industry") > 1000
      )
      THEN 'industry'
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
      WHEN NOT "p"."provincial_demo_title" IS NULL
      AND (
        NOT "p"."provincial_demo_title" IN ('true', 'false')
      )
      THEN 'provincial_demo_title'
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
    CURRENT_DATE >= CAST('2023-06-12' AS DATE) AS "in_force",
    "p"."city_type" AS "city_type",
    "p"."region" AS "region",
    "p"."applicant_type" AS "applicant_type",
    COALESCE(TRY_CAST("p"."digital_level" AS DECIMAL(1, 0)), CAST(0 AS DECIMAL(1, 0))) AS "digital_level",
    COALESCE("p"."is_sme" = 'true', FALSE) AS "is_sme",
    COALESCE("p"."in_pilot_scope" = 'true', FALSE) AS "in_pilot_scope",
    COALESCE("p"."selected_pilot_city" = 'true', FALSE) AS "selected_pilot_city",
    COALESCE("p"."little_giant_central_funded" = 'true', FALSE) AS "little_giant_central_funded",
    COALESCE("p"."in_2022_pilot" = 'true', FALSE) AS "in_2022_pilot",
    CASE
      WHEN REGEXP_MATCHES(
        (
          "p"."city_type"
        ),
        '[' || '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～                  　' || CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133) || ']'
      )
      THEN TRANSLATE(
        (
          "p"."city_type"
        ),
        '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～                  　' || CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133),
        '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~'
      )
      ELSE "p"."city_type"
    END AS "city_type__key"
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
    ) AS "excluded"
  FROM v AS p
), r AS (
  SELECT
    *,
    (
      "p"."in_force" AND NOT "p"."excluded"
    )
    AND (
      COALESCE(
        COALESCE(
          (
            "p"."city_type__key"
          ) IN (
            'provincial_capital',
            'separately_planned',
            'xpcc',
            'prefecture',
            'municipality_district'
          ),
          FALSE
        ),
        FALSE
      )
      AND COALESCE("p"."selected_pilot_city", FALSE)
    ) AS "city_award__applies",
    CASE
      WHEN COALESCE(
        (
          "p"."city_type__key"
        ) IN ('provincial_capital', 'separately_planned', 'xpcc'),
        FALSE
      )
      THEN CAST(CAST(0 AS DECIMAL(9, 0)) AS DECIMAL(9, 0))
      WHEN COALESCE((
        "p"."city_type__key"
      ) IN ('prefecture', 'municipality_district'), FALSE)
      THEN CAST(CAST(0 AS DECIMAL(9, 0)) AS DECIMAL(9, 0))
      ELSE CAST(0 AS DECIMAL(9, 0))
    END AS "city_award__raw_lo",
    CASE
      WHEN COALESCE(
        (
          "p"."city_type__key"
        ) IN ('provincial_capital', 'separately_planned', 'xpcc'),
        FALSE
      )
      THEN CAST(CAST(150000000 AS DECIMAL(9, 0)) AS DECIMAL(9, 0))
      WHEN COALESCE((
        "p"."city_type__key"
      ) IN ('prefecture', 'municipality_district'), FALSE)
      THEN CAST(CAST(100000000 AS DECIMAL(9, 0)) AS DECIMAL(9, 0))
      ELSE CAST(0 AS DECIMAL(9, 0))
    END AS "city_award__raw_hi",
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
      AND COALESCE("p"."is_sme", FALSE)
      AND COALESCE("p"."in_pilot_scope", FALSE)
    ) AS "reform_support__applies",
    CAST(NULL AS DECIMAL(1, 0)) AS "reform_support__raw_lo",
    CAST(NULL AS DECIMAL(1, 0)) AS "reform_support__raw_hi",
    CASE
      WHEN COALESCE(
        (
          "p"."city_type__key"
        ) IN ('provincial_capital', 'separately_planned', 'xpcc'),
        FALSE
      )
      THEN CAST(CAST(150000000 AS DECIMAL(9, 0)) AS DECIMAL(9, 0))
      WHEN COALESCE((
        "p"."city_type__key"
      ) IN ('prefecture', 'municipality_district'), FALSE)
      THEN CAST(CAST(100000000 AS DECIMAL(9, 0)) AS DECIMAL(9, 0))
      ELSE CAST(0 AS DECIMAL(9, 0))
    END AS "city_award__raw__q1"
  FROM x AS p
), i AS (
  SELECT
    *,
    CAST(CAST("city_award__raw_lo" AS DECIMAL(11, 2)) AS DECIMAL(11, 2)) AS "city_award__lo",
    CAST(CAST("city_award__raw_hi" AS DECIMAL(11, 2)) AS DECIMAL(11, 2)) AS "city_award__hi",
    CAST(CAST("reform_support__raw_lo" AS DECIMAL(3, 2)) AS DECIMAL(11, 2)) AS "reform_support__lo",
    CAST(CAST("reform_support__raw_hi" AS DECIMAL(3, 2)) AS DECIMAL(11, 2)) AS "reform_support__hi",
    CAST(CAST("city_award__raw__q1" AS DECIMAL(11, 2)) AS DECIMAL(11, 2)) AS "city_award__lo__q1",
    CAST(CAST("city_award__raw__q1" AS DECIMAL(11, 2)) AS DECIMAL(11, 2)) AS "city_award__hi__q1"
  FROM r
), a0 AS (
  SELECT
    *,
    "city_award__lo" AS "city_award__a0_lo",
    "city_award__hi" AS "city_award__a0_hi",
    CASE
      WHEN "reform_support__lo" IS NULL
      THEN CAST(0 AS DECIMAL(11, 2))
      ELSE "reform_support__lo"
    END AS "reform_support__a0_lo",
    "reform_support__hi" AS "reform_support__a0_hi",
    "city_award__lo__q1" AS "city_award__a0_lo__q1",
    "city_award__hi__q1" AS "city_award__a0_hi__q1"
  FROM i
), res AS (
  SELECT
    "row_id",
    "error_field",
    CASE WHEN "error_field" IS NULL THEN "in_force" ELSE NULL END AS "in_force",
    CASE WHEN "error_field" IS NULL THEN "excluded" ELSE NULL END AS "excluded",
    CASE WHEN "error_field" IS NULL THEN "city_award__applies" ELSE NULL END AS "city_award__applies",
    CASE
      WHEN "error_field" IS NULL AND "city_award__applies"
      THEN CAST("city_award__lo" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "city_award__min",
    CASE
      WHEN "error_field" IS NULL AND "city_award__applies"
      THEN CAST("city_award__hi" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "city_award__max",
    CASE
      WHEN "error_field" IS NULL AND "city_award__applies"
      THEN CAST("city_award__a0_lo" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "city_award__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "city_award__applies"
      THEN CAST("city_award__a0_hi" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "city_award__paid_max",
    CASE WHEN "error_field" IS NULL THEN "reform_support__applies" ELSE NULL END AS "reform_support__applies",
    CASE
      WHEN "error_field" IS NULL AND "reform_support__applies"
      THEN CAST("reform_support__lo" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "reform_support__min",
    CASE
      WHEN "error_field" IS NULL AND "reform_support__applies"
      THEN CAST("reform_support__hi" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "reform_support__max",
    CASE
      WHEN "error_field" IS NULL AND "reform_support__applies"
      THEN CAST("reform_support__a0_lo" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "reform_support__paid_min",
    CASE
      WHEN "error_field" IS NULL AND "reform_support__applies"
      THEN CAST("reform_support__a0_hi" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "reform_support__paid_max",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          CAST(0 AS DECIMAL(11, 2))
        ) + (
          CASE
            WHEN "city_award__applies"
            THEN "city_award__a0_lo"
            ELSE CAST(0 AS DECIMAL(11, 2))
          END
        )
      ) + (
        CASE
          WHEN "reform_support__applies"
          THEN "reform_support__a0_lo"
          ELSE CAST(0 AS DECIMAL(11, 2))
        END
      ) AS DECIMAL(11, 2))
      ELSE NULL
    END AS "total_min",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          CAST(0 AS DECIMAL(11, 2))
        ) + (
          CASE
            WHEN "city_award__applies"
            THEN "city_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(11, 2))
          END
        )
      ) + (
        CASE
          WHEN "reform_support__applies"
          THEN "reform_support__a0_hi"
          ELSE CAST(0 AS DECIMAL(11, 2))
        END
      ) AS DECIMAL(11, 2))
      ELSE NULL
    END AS "total_max",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          CAST(0 AS DECIMAL(11, 2))
        ) + (
          CASE
            WHEN "city_award__applies" AND NOT "city_award__a0_hi" IS NULL
            THEN "city_award__a0_hi"
            ELSE CAST(0 AS DECIMAL(11, 2))
          END
        )
      ) + (
        CASE
          WHEN "reform_support__applies" AND NOT "reform_support__a0_hi" IS NULL
          THEN "reform_support__a0_hi"
          ELSE CAST(0 AS DECIMAL(11, 2))
        END
      ) AS DECIMAL(11, 2))
      ELSE NULL
    END AS "funding_central",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(11, 2)) AS DECIMAL(11, 2))
      ELSE NULL
    END AS "funding_province",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(11, 2)) AS DECIMAL(11, 2))
      ELSE NULL
    END AS "funding_city",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(11, 2)) AS DECIMAL(11, 2))
      ELSE NULL
    END AS "funding_county",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST(CAST(0 AS DECIMAL(11, 2)) AS DECIMAL(11, 2))
      ELSE NULL
    END AS "funding_unspecified",
    CASE
      WHEN "error_field" IS NULL AND "city_award__applies"
      THEN CAST("city_award__lo__q1" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "city_award__min__q1",
    CASE
      WHEN "error_field" IS NULL AND "city_award__applies"
      THEN CAST("city_award__hi__q1" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "city_award__max__q1",
    CASE
      WHEN "error_field" IS NULL AND "city_award__applies"
      THEN CAST("city_award__a0_lo__q1" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "city_award__paid_min__q1",
    CASE
      WHEN "error_field" IS NULL AND "city_award__applies"
      THEN CAST("city_award__a0_hi__q1" AS DECIMAL(11, 2))
      ELSE NULL
    END AS "city_award__paid_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          CAST(0 AS DECIMAL(11, 2))
        ) + (
          CASE
            WHEN "city_award__applies"
            THEN "city_award__a0_lo__q1"
            ELSE CAST(0 AS DECIMAL(11, 2))
          END
        )
      ) + (
        CASE
          WHEN "reform_support__applies"
          THEN "reform_support__a0_lo"
          ELSE CAST(0 AS DECIMAL(11, 2))
        END
      ) AS DECIMAL(11, 2))
      ELSE NULL
    END AS "total_min__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          CAST(0 AS DECIMAL(11, 2))
        ) + (
          CASE
            WHEN "city_award__applies"
            THEN "city_award__a0_hi__q1"
            ELSE CAST(0 AS DECIMAL(11, 2))
          END
        )
      ) + (
        CASE
          WHEN "reform_support__applies"
          THEN "reform_support__a0_hi"
          ELSE CAST(0 AS DECIMAL(11, 2))
        END
      ) AS DECIMAL(11, 2))
      ELSE NULL
    END AS "total_max__q1",
    CASE
      WHEN "error_field" IS NULL
      THEN CAST((
        (
          CAST(0 AS DECIMAL(11, 2))
        ) + (
          CASE
            WHEN "city_award__applies" AND NOT "city_award__a0_hi__q1" IS NULL
            THEN "city_award__a0_hi__q1"
            ELSE CAST(0 AS DECIMAL(11, 2))
          END
        )
      ) + (
        CASE
          WHEN "reform_support__applies" AND NOT "reform_support__a0_hi" IS NULL
          THEN "reform_support__a0_hi"
          ELSE CAST(0 AS DECIMAL(11, 2))
        END
      ) AS DECIMAL(11, 2))
      ELSE NULL
    END AS "funding_central__q1"
  FROM a0
)
SELECT
  "row_id",
  "error_field",
  "in_force",
  CASE WHEN "error_field" IS NULL THEN "excluded" ELSE NULL END AS "excluded",
  CASE WHEN "error_field" IS NULL THEN "city_award__applies" ELSE NULL END AS "city_award__applies",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "city_award__applies"
      AND NOT (
        (
          "city_award__applies" AND "city_award__min" IS NULL
        )
        OR (
          "city_award__applies" AND "city_award__min__q1" IS NULL
        )
      )
      THEN LEAST(
        CASE WHEN "city_award__applies" THEN "city_award__min" ELSE 0 END,
        CASE WHEN "city_award__applies" THEN "city_award__min__q1" ELSE 0 END
      )
      ELSE NULL
    END
    ELSE NULL
  END AS "city_award__min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "city_award__applies"
      AND NOT (
        (
          "city_award__applies" AND "city_award__min" IS NULL
        )
        OR (
          "city_award__applies" AND "city_award__min__q1" IS NULL
        )
      )
      THEN CASE
        WHEN CASE WHEN "city_award__applies" THEN "city_award__max" ELSE 0 END IS NULL
        OR CASE WHEN "city_award__applies" THEN "city_award__max__q1" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "city_award__applies" THEN "city_award__max" ELSE 0 END,
          CASE WHEN "city_award__applies" THEN "city_award__max__q1" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "city_award__max",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "city_award__applies"
      THEN CASE
        WHEN CASE WHEN "city_award__applies" THEN "city_award__paid_min" ELSE 0 END IS NULL
        OR CASE WHEN "city_award__applies" THEN "city_award__paid_min__q1" ELSE 0 END IS NULL
        THEN NULL
        ELSE LEAST(
          CASE WHEN "city_award__applies" THEN "city_award__paid_min" ELSE 0 END,
          CASE WHEN "city_award__applies" THEN "city_award__paid_min__q1" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "city_award__paid_min",
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "city_award__applies"
      THEN CASE
        WHEN CASE WHEN "city_award__applies" THEN "city_award__paid_max" ELSE 0 END IS NULL
        OR CASE WHEN "city_award__applies" THEN "city_award__paid_max__q1" ELSE 0 END IS NULL
        THEN NULL
        ELSE GREATEST(
          CASE WHEN "city_award__applies" THEN "city_award__paid_max" ELSE 0 END,
          CASE WHEN "city_award__applies" THEN "city_award__paid_max__q1" ELSE 0 END
        )
      END
      ELSE NULL
    END
    ELSE NULL
  END AS "city_award__paid_max",
  "reform_support__applies" AS "reform_support__applies",
  "reform_support__min" AS "reform_support__min",
  "reform_support__max" AS "reform_support__max",
  "reform_support__paid_min" AS "reform_support__paid_min",
  "reform_support__paid_max" AS "reform_support__paid_max",
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
  CASE
    WHEN "error_field" IS NULL
    THEN CASE
      WHEN "total_max" IS NULL
      THEN "funding_central"
      WHEN "total_max__q1" IS NULL
      THEN "funding_central__q1"
      WHEN "total_max" = GREATEST("total_max", "total_max__q1")
      THEN "funding_central"
      WHEN "total_max__q1" = GREATEST("total_max", "total_max__q1")
      THEN "funding_central__q1"
      ELSE NULL
    END
    ELSE NULL
  END AS "funding_central",
  "funding_province" AS "funding_province",
  "funding_city" AS "funding_city",
  "funding_county" AS "funding_county",
  "funding_unspecified" AS "funding_unspecified"
FROM res;
