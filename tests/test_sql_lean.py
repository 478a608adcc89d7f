"""plugins/sql/lean.py: a compacted query computes the same values, of the same types.

``compact`` rewrites the chain of steps the SQL backend builds (fewer steps, columns and
operations) only where what it knows of a value makes the rewrite exact. These tests run both
queries in DuckDB: on random chains of expressions over a table of edge values (NULLs, zeros,
negative numbers: what each rule must not get wrong), and on the rules one by one, where the
compacted text must also show the rewrite. The seed policies' compacted queries are checked
against the reference evaluator by tests/test_sql_backend.py (``typed_query(applying_only)``)
and against the results tables by tests/test_simulate.py.
"""

from __future__ import annotations

import datetime as dt
import random

import duckdb
import pytest
import sqlglot
from sqlglot import exp

from compiler.lowered import lower
from conftest import POLICIES, SEEDS, load_once
from plugins.sql import Policy as SqlPolicy
from plugins.sql import load_query, spanning, typed_query
from plugins.sql.lean import Info, compact

ROWS = [(1, None, 0, True, "1.50"), (2, -3, 5, False, "0.00"), (3, 0, None, None, None),
        (4, 7, 2, True, "-2.25"), (5, None, None, False, "10.99"), (6, -1, 0, None, "3.00")]
BASE = {"a": Info("BIGINT"), "n": Info("BIGINT", nonneg=True), "f": Info("BOOLEAN"),
        "d": Info("DECIMAL(9, 2)")}


@pytest.fixture(scope="module")
def con():  # type: ignore[no-untyped-def]
    c = duckdb.connect()
    c.execute("CREATE TABLE t (id BIGINT, a BIGINT, n BIGINT, f BOOLEAN, d DECIMAL(9, 2))")
    c.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", ROWS)
    return c


def _col(name: str) -> exp.Column:
    return exp.column(name, quoted=True)


def _dec0() -> exp.Expr:
    return exp.Cast(this=exp.Literal.number("0"), to=exp.DataType.build("DECIMAL(9, 2)"))


def _big(v: int) -> exp.Expr:
    return exp.Cast(this=exp.Literal.number(str(abs(v))) if v >= 0 else exp.Neg(this=exp.Literal.number(str(-v))),
                    to=exp.DataType.build("BIGINT"))


class Gen:
    """Random expressions over the columns known so far (BIGINT, BOOLEAN, DECIMAL(9, 2))."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.cols = {"BIGINT": ["a", "n"], "BOOLEAN": ["f"], "DECIMAL": ["d"]}
        self.cases: list[tuple[str, str]] = []  # (condition column, column): CASE WHEN cond THEN …

    def big(self, depth: int) -> exp.Expr:
        r = self.rng
        if depth <= 0 or r.random() < 0.25:
            pick = r.random()
            if pick < 0.5:
                return _col(r.choice(self.cols["BIGINT"]))
            if pick < 0.8:
                return _big(r.choice([0, 0, 1, 2, -1, 3]))
            if pick < 0.9:  # an INTEGER: with a BIGINT a BIGINT, with a DECIMAL a wider DECIMAL
                return exp.Literal.number(r.choice(["0", "1", "2", "3000000000"]))
            return exp.Cast(this=exp.Null(), to=exp.DataType.build("BIGINT"))
        kind = r.randrange(10)
        a, b = self.big(depth - 1), self.big(depth - 1)
        if kind == 9 and self.cases:  # a CASE column read where its condition is known
            cond, c = r.choice(self.cases)
            test: exp.Expr = _col(cond) if r.random() < 0.6 else exp.Not(this=_col(cond))
            return exp.Case().when(test, _col(c)).else_(a) if r.random() < 0.8 else exp.Case().when(test, _col(c))
        if kind == 0:
            return exp.Paren(this=exp.Add(this=exp.Paren(this=a), expression=exp.Paren(this=b)))
        if kind == 1:
            return exp.Paren(this=exp.Sub(this=exp.Paren(this=a), expression=exp.Paren(this=b)))
        if kind == 2:
            return exp.Least(this=a, expressions=[b], ignore_nulls=r.choice([None, True]))
        if kind == 3:
            return exp.Greatest(this=a, expressions=[r.choice([b, exp.Literal.number("0")])],
                                ignore_nulls=r.choice([None, True]))
        if kind == 4:
            # a bare boolean column half the time: a later CASE on the same column that reads this
            # one is what a CASE column read as its arm needs (the spanning row's shape)
            cond = _col(r.choice(self.cols["BOOLEAN"])) if r.random() < 0.5 else self.boolean(depth - 1)
            if r.random() < 0.5:  # the arms read the condition again (what an arm knows of it)
                a = exp.Case().when(cond.copy(), a).else_(b)
                b = exp.Case().when(exp.Paren(this=exp.Not(this=exp.Paren(this=cond.copy()))), b).else_(a.copy())
            c = exp.Case().when(cond, a)
            return c.else_(b) if r.random() < 0.8 else c
        if kind == 5:
            return exp.Coalesce(this=a, expressions=[b])
        if kind == 6:
            return exp.Cast(this=self.dec(depth - 1), to=exp.DataType.build("BIGINT"))
        if kind == 7:
            return exp.Paren(this=exp.Mul(this=exp.Paren(this=a), expression=exp.Literal.number(r.choice("0123"))))
        return exp.IntDiv(this=exp.Paren(this=exp.Greatest(this=a, expressions=[exp.Literal.number("0")],
                                                          ignore_nulls=True)),
                          expression=_big(r.choice([1, 2, 10])))

    def dec(self, depth: int) -> exp.Expr:
        r = self.rng
        if depth <= 0 or r.random() < 0.4:
            return r.choice([_col(r.choice(self.cols["DECIMAL"])),
                             exp.Cast(this=exp.Literal.number(r.choice(["0", "1.5", "200000"])),
                                      to=exp.DataType.build("DECIMAL(9, 2)"))])
        x = exp.Cast(this=self.big(depth - 1), to=exp.DataType.build("DECIMAL(18, 2)"))
        # of two DECIMAL types (a CASE, a sum, a LEAST) under a cast: what only a value reaches
        wide = exp.Cast(this=self.dec(depth - 1), to=exp.DataType.build("DECIMAL(18, 3)"))
        mixed = r.choice([exp.Case().when(self.boolean(depth - 1), wide).else_(self.dec(depth - 1)),
                          exp.Paren(this=exp.Add(this=wide, expression=self.dec(depth - 1))),
                          exp.Least(this=wide, expressions=[self.dec(depth - 1)], ignore_nulls=True)])
        if r.random() < 0.3:  # of the type DuckDB gives it, as a column and in a result
            d = self.dec(depth - 1)
            return r.choice([exp.Paren(this=exp.Add(this=d, expression=r.choice(
                                 [self.dec(depth - 1), exp.Literal.number("0"), _dec0()]))),
                             exp.Paren(this=exp.Sub(this=d, expression=_dec0())),
                             exp.Coalesce(this=d, expressions=[r.choice([exp.Literal.number("0"), _dec0()])]),
                             exp.Case().when(exp.false(), self.dec(depth - 1)).else_(d),
                             exp.Least(this=d, expressions=[_dec0()], ignore_nulls=r.choice([None, True]))])
        return exp.Cast(this=r.choice([x, mixed, exp.Floor(this=self.dec(depth - 1)),
                                       exp.Paren(this=exp.Sub(this=self.dec(depth - 1),
                                                              expression=exp.Floor(this=self.dec(depth - 1))))]),
                        to=exp.DataType.build("DECIMAL(9, 2)"))

    def boolean(self, depth: int) -> exp.Expr:
        r = self.rng
        if depth <= 0 or r.random() < 0.25:
            return r.choice([_col(r.choice(self.cols["BOOLEAN"])), exp.true(), exp.false()])
        kind = r.randrange(9)
        if kind == 8 and self.cases:  # the spanning row's test: applies AND amount IS NULL
            cond, c = r.choice(self.cases)
            return exp.Paren(this=exp.And(this=_col(cond), expression=exp.Is(this=_col(c), expression=exp.Null())))
        if kind == 6:  # an operand twice, or with its negation
            x = self.boolean(depth - 1)
            y = exp.Not(this=exp.Paren(this=x.copy())) if r.random() < 0.5 else x.copy()
            return exp.Paren(this=(exp.And if r.random() < 0.5 else exp.Or)(this=x, expression=y))
        if kind == 7:
            arm = exp.Case().when(self.boolean(depth - 1), self.big(depth - 1)).else_(exp.Null())
            return exp.Paren(this=exp.Is(this=exp.Paren(this=arm), expression=exp.Null()))
        if kind == 0:
            return exp.Paren(this=exp.Is(this=self.big(depth - 1), expression=exp.Null()))
        if kind == 1:
            return exp.Paren(this=exp.Not(this=exp.Paren(this=self.boolean(depth - 1))))
        if kind == 2:
            return exp.Paren(this=exp.And(this=self.boolean(depth - 1), expression=self.boolean(depth - 1)))
        if kind == 3:
            return exp.Paren(this=exp.Or(this=self.boolean(depth - 1), expression=self.boolean(depth - 1)))
        if kind == 4:
            return exp.Coalesce(this=self.boolean(depth - 1), expressions=[exp.false()])
        return exp.Paren(this=exp.GTE(this=self.big(depth - 1), expression=self.big(depth - 1)))

    def chain(self) -> exp.Select:
        r = self.rng
        steps: list[tuple[str, exp.Select]] = []
        prev = "t"
        k = 0
        for s in range(r.randint(1, 5)):
            # the first step names the table's columns (a chain starts so: the table is not its own)
            first = [_col(c) for c in ("id", "a", "n", "f", "d")]
            sel = exp.select(*(first if prev == "t" else [exp.Star()])).from_(prev)
            new: list[tuple[str, str]] = []
            cases: list[tuple[str, str]] = []
            for _ in range(r.randint(1, 4)):
                k += 1
                kind = r.choice(["BIGINT", "BIGINT", "BOOLEAN", "DECIMAL"])
                e = {"BIGINT": self.big, "BOOLEAN": self.boolean, "DECIMAL": self.dec}[kind](3)
                sel = sel.select(exp.alias_(e, f"c{k}", quoted=True))
                new.append((kind, f"c{k}"))
                first_test = e.args["ifs"][0].this if isinstance(e, exp.Case) else None
                if isinstance(first_test, exp.Column) and first_test.name in self.cols["BOOLEAN"]:
                    cases.append((first_test.name, f"c{k}"))
            if r.random() < 0.3:
                sel = sel.where(self.boolean(2))
            for kind, name in new:  # readable from the next step on
                self.cols[kind].append(name)
            self.cases += cases
            steps.append((f"s{s}", sel))
            prev = f"s{s}"
        outs = [_col("id")] + [_col(c) for c in r.sample(sorted({c for v in self.cols.values() for c in v}),
                                                         k=min(4, k + 4))]
        q = exp.select(*outs).from_(prev)
        for name, sel in steps:
            q = q.with_(name, as_=sel)
        return q


def _run(con, q: exp.Select) -> tuple[list[tuple], list[str]]:  # type: ignore[no-untyped-def, type-arg]
    sql = q.sql("duckdb")
    types = [row[1] for row in con.execute(f"DESCRIBE {sql}").fetchall()]
    return sorted(con.execute(sql).fetchall(), key=repr), types


def test_random_chains_keep_their_values_and_types(con) -> None:  # type: ignore[no-untyped-def]
    changed = 0
    for seed in range(400):
        q = Gen(random.Random(seed)).chain()
        c = compact(q, base=BASE)
        assert _run(con, c) == _run(con, q), (seed, q.sql("duckdb"), c.sql("duckdb"))
        changed += c.sql("duckdb") != q.sql("duckdb")
    assert changed > 300  # the chains were rewritten, not returned as they came


def _one(step: str, out: str = "x") -> exp.Select:
    return exp.select(_col("id"), _col(out)).from_("s").with_("s", as_=f"SELECT id, a, n, f, d, {step} FROM t")


@pytest.mark.parametrize("expr, gone", [
    # LEAST(0, y) with y never below 0 nor NULL is 0; GREATEST(y, 0) is y
    ("LEAST(CAST(0 AS BIGINT), coalesce(n, 0)) AS x", "LEAST"),
    ("GREATEST(coalesce(n, 0), 0) AS x", "GREATEST"),
    # x + 0, x − 0 (BIGINT) are x
    ("coalesce(a, 0) + CAST(0 AS BIGINT) AS x", "+"),
    # a CASE whose arms are all one expression is it; an arm whose condition is FALSE goes
    ("CASE WHEN f THEN a ELSE a END AS x", "CASE"),
    ("CASE WHEN CAST(NULL AS BIGINT) IS NULL THEN a ELSE n END AS x", "CASE"),
    # COALESCE(b, FALSE) of a boolean never NULL is b
    ("coalesce(coalesce(f, FALSE), FALSE) AS x", "COALESCE(COALESCE"),
    # arithmetic of constants, and of NULL, is computed once, here
    ("CAST(CAST(FLOOR(CAST(200000 AS DECIMAL(8, 2))) AS DECIMAL(6, 0)) AS BIGINT) * 100 AS x", "FLOOR"),
    ("CAST(CAST(NULL AS DECIMAL(1, 0)) AS BIGINT) * 100 AS x", "* 100"),
    # a comparison of two constants is known: two texts (a query specialised to one value of a
    # fact compares it with the others'), two numbers, two booleans; and what it decides goes
    ("CASE WHEN 'enterprise' = 'service_provider' THEN a ELSE n END AS x", "CASE"),
    ("CASE WHEN 'enterprise' <> 'enterprise' THEN a ELSE n END AS x", "CASE"),
    ("CASE WHEN 'enterprise' IN ('service_provider', 'individual') THEN a ELSE n END AS x", "CASE"),
    ("CASE WHEN CAST(2 AS DECIMAL(1, 0)) >= CAST(3 AS BIGINT) THEN a ELSE n END AS x", "CASE"),
    ("CASE WHEN TRUE = FALSE THEN a ELSE n END AS x", "CASE"),
    ("coalesce('a' = 'a', FALSE) AND f AS x", "'a'"),
])
def test_each_rewrite_is_made_and_exact(con, expr: str, gone: str) -> None:  # type: ignore[no-untyped-def]
    q = _one(expr)
    c = compact(q, base=BASE)
    assert gone not in c.sql("duckdb"), c.sql("duckdb")
    assert _run(con, c) == _run(con, q)


def test_what_is_not_known_is_not_rewritten(con) -> None:  # type: ignore[no-untyped-def]
    # a may be negative or NULL: LEAST(0, a) stays; a CASE of DECIMALs of two types keeps its arms
    # a text compared with a column, or texts by order (collations), are not known
    for expr in ("CASE WHEN 'b' > 'a' THEN a ELSE n END AS x",
                 "CASE WHEN CAST(a AS TEXT) = '1' THEN a ELSE n END AS x"):
        q = _one(expr)
        c = compact(q, base=BASE)
        assert "CASE" in c.sql("duckdb") and _run(con, c) == _run(con, q)
    for expr in ("LEAST(CAST(0 AS BIGINT), a) AS x",
                 "CASE WHEN FALSE THEN CAST(d AS DECIMAL(18, 3)) ELSE CAST(1 AS DECIMAL(9, 2)) END AS x"):
        q = _one(expr)
        c = compact(q, base=BASE)
        assert _run(con, c) == _run(con, q)
    assert "LEAST" in compact(_one("LEAST(CAST(0 AS BIGINT), a) AS x"), base=BASE).sql("duckdb")


def test_steps_and_columns_are_cut() -> None:
    # a column that is another renamed, a constant, or read once is not a column of its own; a
    # column no result reads is not computed; independent columns share a step
    q = (exp.select(_col("id"), _col("z"))
         .from_("s3")
         .with_("s1", as_="SELECT id, a, n, a AS b, CAST(2 AS BIGINT) AS k, n * 5 AS unused FROM t")
         .with_("s2", as_="SELECT *, b + k AS y FROM s1")
         .with_("s3", as_="SELECT *, y * y AS z FROM s2"))
    c = compact(q, base=BASE)
    text = c.sql("duckdb")
    assert "unused" not in text and " AS b" not in text and " AS k" not in text
    # y in one step (it is read twice), z (read once, by the result) in the last SELECT
    assert len(c.args["with_"].expressions) == 1 and '("y" * "y") AS "z"' in text, text


def test_a_query_of_another_shape_is_returned_as_it_is() -> None:
    q = exp.select(_col("id")).from_("s").with_("s", as_="SELECT id, count(*) AS c FROM t GROUP BY id")
    assert compact(q) is q


def _plain(form: dict, bits: dict[str, int], on: dt.date) -> exp.Select:  # type: ignore[type-arg]
    """The query typed_query(valid_only, applying_only) compacts, as it is built."""

    def build(f: dict) -> exp.Select:  # type: ignore[type-arg]
        p = SqlPolicy(f)
        p.bits = bits
        return p.query(on, "typed_profiles", True)

    return spanning(form, build, True, True, bits)


def _chains(q: exp.Select) -> list[exp.Select]:
    """The compacted chains of typed_query(applying_only): one, or one per beneficiary (their
    rows in turn, UNION ALL)."""
    if q.args.get("with_"):
        return [q]
    return [x for x in q.find_all(exp.Select) if x.args.get("with_")]


@pytest.mark.parametrize("pid", SEEDS)
def test_every_seeds_aggregated_query_is_compacted(pid: str) -> None:
    # what policyc simulate aggregates (typed_query with applying_only) is compacted for every
    # seed — not returned as it came — so that tests/test_sql_backend.py's comparison of its rows
    # with the reference evaluator's (10,000 random profiles per seed) tests the compaction
    form = lower(load_once(POLICIES / f"{pid}.policy").policy)
    made = load_query([form], "profiles")
    assert made is not None
    bits = made[1]
    on = dt.date(2025, 8, 1)
    plain = _plain(form, bits, on)
    lean = typed_query(form, bits, on, valid_only=True, applying_only=True)
    for chain in _chains(lean):
        assert len(chain.args["with_"].expressions) < len(plain.args["with_"].expressions)
        assert len(chain.sql("duckdb")) < len(plain.sql("duckdb"))


@pytest.mark.parametrize("pid", ["changchun", "nanchang", "kunming", "xianning"])
def test_each_beneficiary_s_query_computes_only_its_items(pid: str) -> None:
    # every item of these seeds is an enterprise's or a service provider's (申报主体): the query
    # is one per beneficiary, each over its own applicants, and each compacted without the other
    # beneficiary's items — their conditions are FALSE there — so that a fact only those items
    # read is not read at all (its values: tests/test_sql_backend.py, 10,000 profiles per seed)
    form = lower(load_once(POLICIES / f"{pid}.policy").policy)
    made = load_query([form], "profiles")
    assert made is not None
    chains = _chains(typed_query(form, made[1], dt.date(2025, 8, 1), valid_only=True, applying_only=True))
    assert len(chains) == 2
    who = sorted({it["beneficiary"] for it in form["items"]})
    assert who == ["enterprise", "service_provider"]
    for b, chain in zip(who, chains, strict=True):
        text = chain.sql("duckdb")
        first = chain.args["with_"].expressions[0].this
        assert f"\"applicant_type\" = '{b}'" in first.args["where"].sql("duckdb")
        other = next(x for x in who if x != b)
        assert f"'{other}'" not in text  # no test of the other beneficiary is left
        # the facts only the other beneficiary's items read are not read
        rest = {**form, "items": [it for it in form["items"] if it["beneficiary"] != other]}
        theirs = _facts_in([it for it in form["items"] if it["beneficiary"] == other]) - _facts_in(rest)
        read = {c.name for c in chain.find_all(exp.Column)}
        assert theirs and not (theirs & read), (b, theirs & read)


def _facts_in(x: object) -> set[str]:
    """The facts a part of a lowered form reads (not through definitions)."""
    if isinstance(x, dict):
        own = {x["name"]} if x.get("op") == "fact" else set()
        return own.union(*[_facts_in(v) for v in x.values()])
    if isinstance(x, list):
        return set().union(*[_facts_in(v) for v in x])
    return set()


@pytest.mark.parametrize("name", ["linchuan", "yunxi", "linchuan_readings"])
def test_the_language_examples_compacted_query_gives_the_text_querys_rows(name: str) -> None:
    # the example policies carry what the seeds do not (dates, years, ratios, a range below 0,
    # unnamed funding, stages 至多 未定 + 余额, a stage with its own cap, a reading of a ceiling):
    # the compacted query simulate aggregates gives, for every valid row where an item can
    # apply, the text query's row (which tests/test_language_backends.py checks against the
    # reference evaluator), on random boundary profiles
    from sql_reference import random_profile, text_table

    from differential import policy
    from plugins.sql import describe, sql_text

    form = lower(policy(name))
    rng = random.Random(f"lean-{name}")
    profiles = [random_profile(rng, form) for _ in range(3000)]
    con = duckdb.connect()
    con.register("profiles", text_table(profiles, describe(form)["input_fields"]))
    on = dt.date(2025, 8, 1)
    full = {r[0]: r for r in con.execute(sql_text(form, "duckdb", on)).fetchall()}
    made = load_query([form], "profiles")
    assert made is not None
    load, bits = made
    con.execute(f"CREATE TABLE typed_profiles AS {load.sql('duckdb')}")
    lean = typed_query(form, bits, on, valid_only=True, applying_only=True)
    for chain in _chains(lean):
        assert len(chain.args["with_"].expressions) < len(_plain(form, bits, on).args["with_"].expressions)
    rows = con.execute(lean.sql("duckdb")).fetchall()
    assert len(rows) > 100
    for r in rows:
        assert full[r[0]] == r
    names = [d[0] for d in con.execute(sql_text(form, "duckdb", on) + " LIMIT 0").description]
    applies = [n for n, c in enumerate(names) if c.endswith("__applies")]
    kept = {r[0] for r in rows}
    # every row left out is invalid, or has no item that applies
    assert all(r[1] is not None or not any(r[n] for n in applies) for k, r in full.items() if k not in kept)


def test_a_filter_keeps_the_same_rows_without_its_coalesce(con) -> None:  # type: ignore[no-untyped-def]
    # a filter keeps a row where its condition is TRUE: COALESCE(x, FALSE) where every operand
    # above it is AND or OR is TRUE exactly where x is (it goes, and a column that is only that
    # COALESCE of the table's column is read as the table's); under NOT it stays (NOT NULL is
    # NULL, NOT COALESCE(NULL, FALSE) is TRUE), and there COALESCE(x, TRUE) goes instead
    q = (exp.select(_col("id")).from_("s2")
         .with_("s1", as_="SELECT id, a, coalesce(f, FALSE) AS g FROM t")
         .with_("s2", as_="SELECT * FROM s1 WHERE (g OR coalesce(a > 0, FALSE)) AND NOT coalesce(a < 0, FALSE)"))
    c = compact(q, base=BASE)
    text = c.sql("duckdb")
    assert "COALESCE(\"a\" > 0" not in text and "COALESCE(\"f\"" not in text and "COALESCE(\"a\" < 0" in text, text
    assert _run(con, c) == _run(con, q)
    q2 = (exp.select(_col("id")).from_("s1")
          .with_("s1", as_="SELECT id FROM t WHERE NOT coalesce(f, TRUE) OR n IS NULL"))
    c2 = compact(q2, base=BASE)
    assert "COALESCE" not in c2.sql("duckdb")
    assert _run(con, c2) == _run(con, q2)


def test_an_arm_knows_its_condition_whatever_the_case_s_type(con) -> None:  # type: ignore[no-untyped-def]
    # CASE … ELSE NULL is of its arms' type (an untyped NULL takes it): within the arm, the
    # condition's operand `app` holds, so the inner CASE WHEN app THEN m ELSE 0 END is m
    out = sqlglot.parse_one("CASE WHEN app AND NOT (app AND m IS NULL) THEN CASE WHEN app THEN m "
                            "ELSE CAST(0 AS DECIMAL(18, 2)) END ELSE NULL END", read="duckdb")
    q = (exp.select(_col("id"), exp.alias_(out, "out", quoted=True)).from_("s")
         .with_("s", as_="SELECT id, coalesce(f, FALSE) AS app, "
                         "CASE WHEN coalesce(f, FALSE) THEN CAST(d AS DECIMAL(18, 2)) ELSE NULL END AS m FROM t"))
    c = compact(q, base=BASE)
    assert 'THEN "m" ELSE NULL END' in c.sql("duckdb"), c.sql("duckdb")
    assert _run(con, c) == _run(con, q)


def test_a_case_column_is_read_as_the_arm_its_reader_knows(con) -> None:  # type: ignore[no-untyped-def]
    # m is CASE WHEN g THEN n + 1 ELSE NULL END: where g is known TRUE (a CASE arm of g) m is
    # n + 1, where g is known FALSE it is NULL of m's type; after g in an AND, m IS NULL is what
    # its arm tells (n + 1 is never NULL: FALSE) — so the spanning row's tests of m fold; an arm
    # of another type is not read so
    steps = [("s0", "SELECT id, n, d, coalesce(f, FALSE) AS g FROM t"),
             ("s", "SELECT *, CASE WHEN g THEN coalesce(n, 0) + CAST(1 AS BIGINT) ELSE NULL END AS m, "
                   "CASE WHEN g THEN CAST(d AS DECIMAL(18, 3)) ELSE CAST(0 AS DECIMAL(9, 2)) END AS w FROM s0"),
             ("s2", "SELECT *, CASE WHEN g THEN m ELSE 0 END AS x, (g AND m IS NULL) AS y, "
                    "CASE WHEN NOT g THEN m END AS z, CASE WHEN g THEN w END AS v FROM s")]

    def chain(*cols: str) -> exp.Select:
        q = exp.select(_col("id"), *[_col(c) for c in cols]).from_("s2")
        for name, sql in steps:
            q = q.with_(name, as_=sql)
        return q

    q = chain("x", "y", "z")
    c = compact(q, base=BASE)
    text = c.sql("duckdb")
    assert '"m"' not in text and "IS NULL" not in text, text
    assert _run(con, c) == _run(con, q)
    q2 = chain("v")
    c2 = compact(q2, base=BASE)
    # w's arms are DECIMAL(18, 3) and DECIMAL(9, 2) (its type the wider): read whole, not as the arm
    assert "ELSE CAST(0 AS DECIMAL(9, 2))" in c2.sql("duckdb"), c2.sql("duckdb")
    assert _run(con, c2) == _run(con, q2)


def _outcome(con, q: exp.Select) -> object:  # type: ignore[no-untyped-def]
    """The rows and types of ``q``, or the kind of error DuckDB raises for it."""
    try:
        return _run(con, q)
    except duckdb.Error as e:
        return type(e).__name__


@pytest.mark.parametrize("sql", [
    # a step reading the table, or a step before the last, does not see a later step's filter
    "WITH s1 AS (SELECT id FROM t WHERE a > 0) SELECT id FROM t",
    "WITH s1 AS (SELECT id, a FROM t), s2 AS (SELECT * FROM s1 WHERE a > 0) SELECT id FROM s1",
    # a name given twice in a step (DuckDB's star keeps the first): not compacted
    "WITH s1 AS (SELECT id, a FROM t), s2 AS (SELECT *, 2 AS a FROM s1) SELECT id, a FROM s2",
])
def test_a_step_off_the_chain_or_a_name_twice_is_not_rewritten(con, sql: str) -> None:  # type: ignore[no-untyped-def]
    q = sqlglot.parse_one(sql, read="duckdb")
    assert isinstance(q, exp.Select)
    c = compact(q, base=BASE)
    assert _outcome(con, c) == _outcome(con, q), c.sql("duckdb")


@pytest.mark.parametrize("sql", [
    # DECIMAL + DECIMAL widens (DECIMAL(9, 2) + DECIMAL(9, 2) is DECIMAL(10, 2)): x + 0 is x
    # only for BIGINT, or where only the value matters
    "WITH s AS (SELECT id, d + CAST(0 AS DECIMAL(9, 2)) AS x FROM t) SELECT id, x FROM s",
    # an integer literal is an INTEGER next to a DECIMAL (COALESCE(DECIMAL(9, 2), 1) is
    # DECIMAL(12, 2), with 100000000000, a BIGINT, DECIMAL(21, 2)), not of the DECIMAL's type
    "WITH s AS (SELECT id, d + 0 AS x FROM t) SELECT id, x FROM s",
    "WITH s AS (SELECT id, COALESCE(COALESCE(d, CAST(0 AS DECIMAL(9, 2))), 1) AS x FROM t) SELECT id, x "
    "FROM s",
    "WITH s AS (SELECT id, COALESCE(COALESCE(d, CAST(0 AS DECIMAL(9, 2))), 100000000000) AS x FROM t) "
    "SELECT id, x FROM s",
    # an INTEGER column (a CASE of integer literals) next to a DECIMAL
    "WITH s1 AS (SELECT id, d, CASE WHEN f THEN 1 ELSE 2 END AS c FROM t), s2 AS (SELECT id, "
    "COALESCE(COALESCE(d, CAST(0 AS DECIMAL(9, 2))), c) AS x FROM s1) SELECT id, x FROM s2",
    "WITH s1 AS (SELECT id, CASE WHEN f THEN 1 ELSE 2 END AS c FROM t), s2 AS (SELECT id, COALESCE(CAST(1 "
    "AS DECIMAL(9, 2)), c) AS x FROM s1) SELECT id, x FROM s2",
    # a CASE of a BIGINT arm known false and an INTEGER one is a BIGINT; 3000000000 is a BIGINT
    "WITH s AS (SELECT id, CASE WHEN FALSE THEN CAST(1 AS BIGINT) ELSE 2 END AS x FROM t) SELECT id, x "
    "FROM s",
    "WITH s AS (SELECT id, CASE WHEN FALSE THEN 3000000000 ELSE 1 END AS x FROM t) SELECT id, x FROM s",
    # a BOOLEAN next to a BIGINT is a BIGINT, not a BOOLEAN
    "WITH s AS (SELECT id, COALESCE(COALESCE(f, FALSE), a) AS x FROM t) SELECT id, x FROM s",
    # integer literals are INTEGERs: 2147483647 + 1 overflows in DuckDB, it is not 2147483648
    "WITH s AS (SELECT id, 2147483647 + 1 AS x FROM t) SELECT id, x FROM s",
    # FLOOR of a BIGINT is a DOUBLE: 2^53 + 1 is not kept
    "WITH s AS (SELECT id, CAST(FLOOR(CAST(9007199254740993 AS BIGINT)) AS BIGINT) AS x FROM t) SELECT "
    "id, x FROM s",
    # TRUE AND a is a BOOLEAN (TRUE where a is not 0), not a
    "WITH s AS (SELECT id, (TRUE AND a) AS x FROM t) SELECT id, x FROM s",
    # a CASE whose condition is a BIGINT (TRUE where not 0) tells nothing of the BIGINT in its arm
    "WITH s AS (SELECT id, CASE WHEN a THEN a + 1 ELSE CAST(0 AS BIGINT) END AS x FROM t) SELECT id, x "
    "FROM s",
])
def test_what_duckdb_types_otherwise_is_not_rewritten(con, sql: str) -> None:  # type: ignore[no-untyped-def]
    q = sqlglot.parse_one(sql, read="duckdb")
    assert isinstance(q, exp.Select)
    c = compact(q, base=BASE)
    assert _outcome(con, c) == _outcome(con, q), c.sql("duckdb")


def test_a_least_that_ignores_nulls_is_not_one_that_does_not(con) -> None:  # type: ignore[no-untyped-def]
    # LEAST(a, n) ignoring NULLs is 0 where a is NULL and n is 0 (row 1), the LEAST that does
    # not ignore them is NULL there: two columns, though their default-dialect text is one
    least = [exp.Least(this=_col("a"), expressions=[_col("n")], ignore_nulls=i) for i in (True, None)]
    q = exp.select(_col("id"), _col("x"), _col("y")).from_("s").with_(
        "s", as_=exp.select(_col("id"), exp.alias_(least[0], "x"), exp.alias_(least[1], "y")).from_("t"))
    c = compact(q, base=BASE)
    assert _run(con, c) == _run(con, q)
    assert (1, 0, None) in _run(con, c)[0]


def test_an_and_does_not_read_a_case_column_as_its_arm(con) -> None:  # type: ignore[no-untyped-def]
    # c is CASE WHEN n <> 0 THEN 10 // n END: DuckDB computes `y` of `x AND y` also where x is
    # FALSE, so reading c there as its arm (10 // n) would divide by 0 where the query does not
    q = sqlglot.parse_one(
        "WITH s1 AS (SELECT id, n, CASE WHEN COALESCE(n, 0) <> 0 THEN 10 // n END AS c FROM t), "
        "s2 AS (SELECT id, (COALESCE(n, 0) <> 0) AND (c > 1) AS x FROM s1) SELECT id, x FROM s2", read="duckdb")
    c = compact(q, base=BASE)
    assert _run(con, c) == _run(con, q)


@pytest.mark.parametrize("p, s", [(9, 2), (18, 2), (3, 2), (12, 0), (17, 2), (38, 2), (30, 10), (5, 5)])
def test_an_integer_beside_a_decimal_is_typed_as_duckdb_types_it(con, p: int, s: int) -> None:  # type: ignore[no-untyped-def]
    from plugins.sql.lean import _unify

    ((got,),) = con.execute(f"SELECT typeof(COALESCE(CAST(1 AS DECIMAL({p}, {s})), 0))").fetchall()
    assert _unify(f"DECIMAL({p}, {s})", "INT") == got.replace(",", ", ")


def test_a_last_select_of_a_star_keeps_every_column(con) -> None:  # type: ignore[no-untyped-def]
    # SELECT * as the last SELECT: every column of the step before, in its order (it gave none)
    q = sqlglot.parse_one("WITH s1 AS (SELECT id, a, n + 1 AS m FROM t) SELECT * FROM s1", read="duckdb")
    c = compact(q, base=BASE)
    assert [d[0] for d in con.execute(c.sql("duckdb") + " LIMIT 0").description] == ["id", "a", "m"]
    assert _run(con, c) == _run(con, q)


def test_what_a_filter_tells_is_known_after_it(con) -> None:  # type: ignore[no-untyped-def]
    # after WHERE NOT x (x never NULL) x is FALSE on every row left, also in a column of the
    # chain computed before the filter and placed after it: the items' applies are (NOT excluded)
    # AND …, the applying rows' filter NOT excluded — excluded goes from them, and the result's
    # excluded is FALSE, and so is the same test written out in another column
    steps = [("s1", "SELECT id, a, n, coalesce(f, FALSE) AS x, (NOT coalesce(f, FALSE)) AND a > 0 AS app, "
                    "CASE WHEN coalesce(f, FALSE) THEN n ELSE 0 END AS v FROM t"),
             ("s2", "SELECT * FROM s1 WHERE NOT x AND (a > 0 OR n > 0)")]
    q = exp.select(_col("id"), _col("x"), _col("app"), _col("v")).from_("s2")
    for name, sql in steps:
        q = q.with_(name, as_=sql)
    c = compact(q, base=BASE)
    text = c.sql("duckdb")
    select = text[text.rindex("SELECT"):]
    assert 'FALSE AS "x"' in select and 'CAST(0 AS BIGINT) AS "v"' in select, text
    assert '("a" > 0) AS "app"' in select and 'NOT COALESCE("f", FALSE)) AND' not in text, text
    assert _run(con, c) == _run(con, q)


class FilterGen(Gen):
    """Chains whose filters tell something (``NOT c``, ``c``, ``NOT (expr)`` of a column's own
    expression) and whose later steps write an earlier column's expression out again."""

    def chain(self) -> exp.Select:
        r = self.rng
        steps: list[tuple[str, exp.Select]] = []
        prev, k = "t", 0
        written: list[tuple[str, exp.Expr]] = []
        for s in range(r.randint(2, 5)):
            first = [_col(c) for c in ("id", "a", "n", "f", "d")]
            sel = exp.select(*(first if prev == "t" else [exp.Star()])).from_(prev)
            new: list[tuple[str, str]] = []
            for _ in range(r.randint(1, 4)):
                k += 1
                if written and r.random() < 0.35:  # an earlier column's expression, again or negated
                    kind, e = r.choice(written)
                    e = e.copy()
                    if kind == "BOOLEAN" and r.random() < 0.5:
                        e = exp.Paren(this=exp.Not(this=exp.Paren(this=e)))
                else:
                    kind = r.choice(["BIGINT", "BOOLEAN", "BOOLEAN", "DECIMAL"])
                    e = {"BIGINT": self.big, "BOOLEAN": self.boolean, "DECIMAL": self.dec}[kind](3)
                sel = sel.select(exp.alias_(e, f"c{k}", quoted=True))
                new.append((kind, f"c{k}"))
                written.append((kind, e))
            if r.random() < 0.6:
                pick, bools = r.random(), self.cols["BOOLEAN"]
                told = [e for kind, e in written if kind == "BOOLEAN"]
                w: exp.Expr = (exp.Not(this=_col(r.choice(bools))) if pick < 0.3 else _col(r.choice(bools))
                               if pick < 0.5 else exp.Not(this=exp.Paren(this=r.choice(told).copy()))
                               if pick < 0.7 and told else self.boolean(2))
                sel = sel.where(w)
            for kind, name in new:
                self.cols[kind].append(name)
            steps.append((f"s{s}", sel))
            prev = f"s{s}"
        names = sorted({c for v in self.cols.values() for c in v})
        q = exp.select(_col("id"), *[_col(c) for c in r.sample(names, k=min(6, k + 4))]).from_(prev)
        for name, sel in steps:
            q = q.with_(name, as_=sel)
        return q


def test_random_chains_whose_filters_tell_keep_their_values_and_types(con, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # what a filter tells (x FALSE after WHERE NOT x; the same of x's expression written out in
    # another column) is written into the columns computed after it: on random chains whose
    # filters tell something and whose steps write earlier expressions out again, the compacted
    # query gives the rows and types of the query as written; and what the filters tell changes
    # the compacted query of many of them (it is compacted again with filters that tell nothing)
    from plugins.sql import lean

    filtered = lean._Chain.filtered

    def tells_nothing(self, condition):  # type: ignore[no-untyped-def]
        filtered(self, condition)
        self.filter_facts[-1] = []
    told = 0
    for seed in range(40):
        q = FilterGen(random.Random(seed)).chain()
        c = compact(q, base=BASE)
        assert _run(con, c) == _run(con, q), (seed, q.sql("duckdb"), c.sql("duckdb"))
        with monkeypatch.context() as m:
            m.setattr(lean._Chain, "filtered", tells_nothing)
            told += compact(q, base=BASE).sql("duckdb") != c.sql("duckdb")
    assert told > 10
