"""The generated Spark SQL on a local PySpark session equals the generated DuckDB SQL.

One session for every seed policy and a few hundred random profiles each (Spark is slow to
start). The committed files in generated/sql/ judge validity against CURRENT_DATE; so that the
comparison does not depend on the day the test runs, both engines run the same generator's
query with the date fixed to 2025-08-01 (when every seed is in force), and the committed files
are checked to be that generator's output.
Skipped when pyspark or a Java runtime is missing (`make test` installs Java when root).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from decimal import Decimal

import pytest

pytest.importorskip("pyspark")
duckdb = pytest.importorskip("duckdb")
if shutil.which("java") is None:
    pytest.skip("no Java runtime (apt-get install openjdk-17-jre-headless)", allow_module_level=True)

from sql_reference import random_profile, text_table  # noqa: E402

from compiler.lowered import lower  # noqa: E402
from conftest import ROOT, SEEDS, load_once  # noqa: E402
from plugins.sql import describe, policy_query  # noqa: E402

N = 300
ON = dt.date(2025, 8, 1)


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    from pyspark.sql import SparkSession

    # A short-lived driver: the JIT's quick tier and the serial collector halve the JVM's CPU
    # time (the queries and their results are the same).
    session = (SparkSession.builder.master("local[1]").appName("policyc-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
               .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
               .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _norm(v: object) -> object:
    return f"{v:.2f}" if isinstance(v, Decimal) else v


def _same_rows(spark, con, form: dict, table, on: dt.date,  # type: ignore[no-untyped-def, type-arg]
               parameters: dict[str, str | None] | None = None) -> tuple[list[str], list[tuple[object, ...]]]:
    """The policy's query over the text profile ``table`` in DuckDB (``con``, which has it as
    ``profiles``) and in Spark: the same columns and the same rows (sorted, money to the fen);
    ``parameters``: the one-row table ``parameters`` in both. Returns the columns and the rows."""
    import pyarrow as pa
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    fields = describe(form)["input_fields"]
    if parameters is not None:
        con.register("parameters", pa.table({k: pa.array([v], pa.string()) for k, v in parameters.items()}))
        spark.createDataFrame([tuple(parameters.values())],
                              StructType([StructField(k, StringType(), True) for k in parameters])
                              ).createOrReplaceTempView("parameters")
    query = policy_query(form, on)  # what sql_text prints, built once for both engines
    cur = con.execute(query.sql(dialect="duckdb", pretty=True))
    names = [d[0] for d in cur.description]
    want = sorted(tuple(_norm(v) for v in row) for row in cur.fetchall())
    schema = StructType([StructField("row_id", LongType(), False)] +
                        [StructField(f, StringType(), True) for f in fields])
    rows = list(zip(*[table.column(c).to_pylist() for c in ["row_id", *fields]], strict=True))
    spark.createDataFrame(rows, schema).createOrReplaceTempView("profiles")
    result = spark.sql(query.sql(dialect="spark", pretty=True))
    assert result.columns == names
    got = sorted(tuple(_norm(v) for v in row) for row in result.collect())
    assert got == want, form["policy"]["id"]
    return names, got


def test_spark_equals_duckdb(spark, seeds: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
    for pid in SEEDS:
        form = lower(seeds[pid].policy)
        fields = describe(form)["input_fields"]
        rng = random.Random(f"spark-{pid}")
        table = text_table([random_profile(rng, form) for _ in range(N)], fields)
        con = duckdb.connect()
        con.register("profiles", table)
        query = policy_query(form)  # sql_text(form, dialect) for both dialects, built once
        for dialect in ("duckdb", "spark"):
            committed = (ROOT / "generated/sql" / f"{pid}.{dialect}.sql").read_text("utf-8")
            # the header: the source line, then one line per 解读 naming the reading computed
            body = "".join(ln for ln in committed.splitlines(keepends=True) if not ln.startswith("-- "))
            assert body == query.sql(dialect=dialect, pretty=True) + ";\n"
        names, got = _same_rows(spark, con, form, table, ON)
        assert any(r[names.index("total_max")] not in (None, "0.00") for r in got) or pid == "nanchang"


def test_spark_equals_duckdb_with_parameters_and_constraints(spark) -> None:  # type: ignore[no-untyped-def]
    """桐溪 (tests/examples/tongxi.policy): 参数 read from the one-row table ``parameters``, and the
    约束 equipment_spend <= project_investment reported in error_field, alike in both engines."""
    loaded = load_once(ROOT / "tests" / "examples" / "tongxi.policy")
    assert loaded.policy is not None
    form = lower(loaded.policy)
    fields = describe(form)["input_fields"]
    rng = random.Random("spark-tongxi")
    profiles = [random_profile(rng, form) for _ in range(N)]
    for i, p in enumerate(profiles):
        if i % 3 == 0:  # the 约束 holds for some, breaks for others
            p["project_investment"] = p.get("equipment_spend", "0")
    table = text_table(profiles, fields)
    given = {"city_avg_growth": "-0.0125", "robot_unit_price": None}
    assert list(given) == [x["name"] for x in form["parameters"]]
    con = duckdb.connect()
    con.register("profiles", table)
    cols, got = _same_rows(spark, con, form, table, ON, given)
    errors = [r[cols.index("error_field")] for r in got]
    assert "equipment_spend" in errors and None in errors


def test_spark_equals_duckdb_on_dates_years_and_ratios(spark) -> None:  # type: ignore[no-untyped-def]
    """云溪 (tests/examples/yunxi.policy): date facts compared as ISO text, 按期 a step's deadline,
    a year, a ratio with a declared negative range; invalid dates and ratios refused alike."""
    from differential import policy

    form = lower(policy("yunxi"))
    fields = describe(form)["input_fields"]
    rng = random.Random("spark-yunxi")
    table = text_table([random_profile(rng, form, bad_rate=0.2) for _ in range(N)], fields)
    con = duckdb.connect()
    con.register("profiles", table)
    names, got = _same_rows(spark, con, form, table, dt.date(2026, 6, 1))
    errors = [r[names.index("error_field")] for r in got if r[names.index("error_field")] is not None]
    assert {"completed_on", "revenue_growth"} & set(errors)  # refusals reached the new kinds
    assert any(r[names.index("reform_subsidy__max")] not in (None, "0.00") for r in got)
