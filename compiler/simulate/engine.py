"""Run policies over a population in embedded DuckDB and aggregate the budget figures.

The per-applicant calculation is the SQL backend's query (found through the ``policyc.backends``
entry-point group: the compiler does not import a backend); the population is loaded as text
columns, then validated and typed once for all the policies run (``type_population``), so an
invalid value gets ``error_field`` and no amount, and each policy's query does arithmetic only.
Every aggregate is a DECIMAL sum in DuckDB: exact, never a binary float.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from sqlglot import exp

from ..backends import BackendError, discover
from ..vocabulary import FACTS, FUNDING_SOURCES, UNSPECIFIED

Json = dict[str, Any]
# histogram of the amounts per eligible applicant (total max, yuan); the last bin is open
BINS = (0, 10_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 5_000_000)
STOP_WORDS = ("用完即止", "用完為止", "用完为止")
# the column report() adds to the rows it aggregates: no result column has this name (theirs are
# fixed names and <item>__<what>)
ELIGIBLE = "__eligible"


class SqlQueries(Protocol):
    def query(self, form: Json, as_of: dt.date | None, dialect: str, table: str = "profiles") -> str: ...

    def load_query(self, forms: list[Json], dialect: str, table: str) -> tuple[str, dict[str, int]] | None: ...

    def typed_query(self, form: Json, bits: Mapping[str, int], as_of: dt.date | None, dialect: str,
                    table: str, valid_only: bool = False, applying_only: bool = False, fen: bool = False) -> str: ...

    def typed_counted(self, form: Json, bits: Mapping[str, int], as_of: dt.date | None, dialect: str,
                      table: str) -> str: ...

    def typed_errors(self, form: Json, bits: Mapping[str, int], dialect: str, table: str) -> str: ...

    def text_keys(self, forms: list[Json]) -> list[str]: ...

    def readings(self, form: Json) -> list[Json]: ...


def sql_backend() -> SqlQueries:
    backend = discover().get("sql")
    if backend is None or not hasattr(backend, "query"):
        raise BackendError("找不到 sql 后端（policyc.backends 中的 sql）：模拟需要它生成的查询")
    return backend  # type: ignore[return-value]


def _q(name: str) -> exp.Column:
    return exp.column(name, quoted=True)


def load_population(con: Any, path: Path, facts: Collection[str] = ()) -> int:
    """Create table ``population`` (row_id BIGINT, one VARCHAR column per field present): fields
    of the shared vocabulary, and ``facts`` (those the policies run declare themselves)."""
    import duckdb

    suffix = path.suffix.lower()
    src = exp.Literal.string(str(path))
    if suffix == ".csv":
        reader = exp.func("read_csv", src, exp.EQ(this=exp.var("all_varchar"), expression=exp.true()),
                          exp.EQ(this=exp.var("header"), expression=exp.true()))
    elif suffix in (".jsonl", ".ndjson", ".json"):
        reader = exp.func("read_json", src, exp.EQ(this=exp.var("format"),
                                                   expression=exp.Literal.string("newline_delimited")))
    elif suffix == ".parquet":
        reader = exp.func("read_parquet", src)
    else:
        raise BackendError(f"不支持的总体文件格式“{suffix}”：请用 .csv、.jsonl 或 .parquet")
    try:
        probe = con.sql(exp.select("*").from_(reader).limit(0).sql("duckdb"))
    except (duckdb.InvalidInputException, duckdb.ConversionException) as err:
        raise _unreadable(err) from None
    present = [c for c in probe.columns]
    unknown = [c for c in present if c != "row_id" and c not in FACTS and c not in facts]
    # a column without a name (DuckDB calls it column30) and without a value in any row: the
    # trailing separator of a spreadsheet's export, carrying nothing — left out, not refused
    blank = [c for c in unknown if suffix == ".csv" and re.fullmatch(r"column[0-9]+", c)]
    if blank:
        counts = _one(con, exp.select(*[exp.func("count", _q(c)) for c in blank]).from_(reader.copy()))
        empty = {c for c, k in zip(blank, counts, strict=True) if k == 0}
        present = [c for c in present if c not in empty]
        unknown = [c for c in unknown if c not in empty]
    if unknown:
        raise BackendError(f"总体文件含未知字段：{', '.join(unknown[:5])}"
                           "（既不在共享词汇中，也不是所选政策声明的事实）")
    row_id: exp.Expr = (exp.cast(_q("row_id"), "BIGINT") if "row_id" in present else
                        exp.Sub(this=exp.Window(this=exp.func("row_number")), expression=exp.Literal.number(1)))
    cols = [exp.alias_(row_id, "row_id", quoted=True)]
    types = dict(zip(probe.columns, (str(t) for t in probe.types), strict=True))
    cols += [exp.alias_(_as_text(c, types[c]), c, quoted=True) for c in present if c != "row_id"]
    create = exp.Create(this=exp.to_table("population"), kind="TABLE", replace=True,
                        expression=exp.select(*cols).from_(reader))
    try:
        con.execute(create.sql("duckdb"))
    except (duckdb.InvalidInputException, duckdb.ConversionException) as err:
        raise _unreadable(err) from None
    (n,) = con.execute("SELECT count(*) FROM population").fetchone()
    return int(n)


def _unreadable(err: Exception) -> BackendError:
    """Why DuckDB could not read the population file, for whoever prepared it: a file in another
    encoding than UTF-8 (a spreadsheet's 「CSV」 export in GBK) said so, with what to do; a row_id
    that is not an integer (an application number such as KM-007) named; any other error up to
    DuckDB's advice and its reader options, which name settings this command has not."""
    import duckdb

    text = str(err)
    if "not utf-8 encoded" in text or "invalid UTF-8" in text:
        return BackendError("总体文件不是 UTF-8 编码（例如 GBK）：请另存为 UTF-8"
                            "（Excel：另存为“CSV UTF-8（逗号分隔）”）后再模拟")
    head = text.split("\n\n", 1)[0].strip()
    if isinstance(err, duckdb.ConversionException):  # every column but row_id is read as text
        return BackendError(f"row_id 应为整数（申请顺序的编号）：{head}")
    return BackendError(head)


def _as_text(column: str, duck_type: str) -> exp.Expr:
    """A column as the text a profile field is validated from. A JSON Lines column whose rows
    mix kinds (a number in one row, strings in the others) is read as type JSON: its strings are
    taken without their quotes (a CAST would keep them and refuse every row), and a number, list
    or object as its JSON text, which validation refuses in that row alone."""
    if duck_type == "JSON":
        return exp.func("json_extract_string", _q(column), exp.Literal.string("$"))
    return exp.cast(_q(column), "VARCHAR")


def _input_view(con: Any, name: str, fields: list[str]) -> None:
    """View ``name``: ``population`` with exactly ``fields`` (NULL text where a column is missing)."""
    have = set(con.sql("SELECT * FROM population LIMIT 0").columns)
    view = exp.select(_q("row_id"), *[
        exp.alias_(_q(f) if f in have else exp.cast(exp.null(), "VARCHAR"), f, quoted=True) for f in fields
    ]).from_("population")
    con.execute(exp.Create(this=exp.to_table(name), kind="VIEW", replace=True, expression=view).sql("duckdb"))


def type_population(con: Any, sql: SqlQueries, forms: list[Json]) -> dict[str, int] | None:
    """Validate and type ``population`` once for all ``forms`` into table ``population_typed``
    (typed columns and ``bad_mask``); the field bits, or None when the forms validate a field
    differently (then each policy reads the text table)."""
    fields = list(dict.fromkeys(f["name"] for form in forms for f in [*form["facts"], *form["vocabulary"]]))
    _input_view(con, "input_all", fields)
    made = sql.load_query(forms, "duckdb", "input_all")
    if made is None:
        return None
    query, bits = made
    con.execute(f"CREATE OR REPLACE TABLE population_typed AS {query}")  # bound once (see _view)
    _keys_as_enums(con, sql.text_keys(forms))
    return bits


# a text key with more distinct values than this stays text (an ENUM of them would be large)
MAX_KEY_VALUES = 65_536


def _keys_as_enums(con: Any, columns: list[str]) -> None:
    """Each text key column of ``population_typed`` (an industry's: a few dozen distinct values
    in a million rows) as a DuckDB ENUM of the values it holds: a query compares it with a
    policy's literal texts as integers (a literal that is not a value compares unequal, as text
    does), and reads one byte a row instead of a text. 长春's and 昆明's reports 1.2 times faster
    (the keys compared by their 第四条/第六条 lists, measured)."""
    for n, name in enumerate(columns):
        column = _q(name)
        values = exp.select(column).distinct().from_("population_typed").where(
            exp.not_(exp.Is(this=column.copy(), expression=exp.null())))
        ((count,),) = con.execute(exp.select(exp.func("count", exp.Star())).from_(values.subquery("v"))
                                  .sql("duckdb")).fetchall()
        if not 0 < count <= MAX_KEY_VALUES:
            continue
        kind = exp.to_identifier(f"policyc_key_{n}", quoted=True).sql("duckdb")
        con.execute(f"CREATE OR REPLACE TYPE {kind} AS ENUM ({values.order_by(column.copy()).sql('duckdb')})")
        con.execute(f"ALTER TABLE population_typed ALTER {column.sql('duckdb')} SET DATA TYPE {kind}")


def parameters_table(con: Any, form: Json, params: Mapping[str, str]) -> None:
    """The one-row table ``parameters`` a policy with 参数 reads: the value given for each (text),
    NULL where none is (the query then takes the value the text states)."""
    names = [x["name"] for x in form.get("parameters", [])]
    if not names:
        return
    row = exp.select(*[exp.alias_(exp.cast(exp.Literal.string(params[x]) if x in params else exp.Null(), "VARCHAR"),
                                  x, quoted=True) for x in names])
    con.execute(exp.Create(this=exp.to_table("parameters"), kind="TABLE", replace=True, expression=row).sql("duckdb"))


def run_policy(con: Any, sql: SqlQueries, form: Json, as_of: dt.date,
               bits: Mapping[str, int] | None = None, params: Mapping[str, str] | None = None) -> str:
    """Compute every applicant's result into table ``results_<policy>``; return its name.
    With ``bits`` (from :func:`type_population`) the query reads ``population_typed``: the same
    results, without parsing text per policy. ``params``: values of the policy's 参数 (text)."""
    pid = form["policy"]["id"]
    parameters_table(con, form, params or {})
    if bits is not None:
        query = sql.typed_query(form, bits, as_of, "duckdb", "population_typed")
    else:
        _input_view(con, f"input_{pid}", [f["name"] for f in [*form["facts"], *form["vocabulary"]]])
        query = sql.query(form, as_of, "duckdb", table=f"input_{pid}")
    table = f"results_{pid}"
    con.execute(f"DROP TABLE IF EXISTS {exp.to_table(table, quoted=True).sql('duckdb')}")
    con.execute(f"CREATE OR REPLACE TABLE {exp.to_table(table, quoted=True).sql('duckdb')} AS {query}")
    return table


def _view(con: Any, name: str, query: str) -> exp.Table:
    """View ``name`` over ``query`` (a view is not stored: a query over it computes the rows).
    Made with ``CREATE VIEW``: a relation's ``create_view`` binds the query twice as long (长春's:
    96 against 38 ms)."""
    table = exp.to_table(name, quoted=True)
    con.execute(f"CREATE OR REPLACE VIEW {table.sql('duckdb')} AS {query}")
    return table


class PolicyViews(NamedTuple):
    """The views of one policy over ``population_typed`` (:func:`policy_views`)."""

    counted: exp.Table  # every valid profile's row_id, in_force and excluded, nothing else computed
    invalid: exp.Table  # the invalid profiles' row_id and error_field
    # the valid profiles' result rows, without those where no item can apply; money in BIGINT fen
    applying: exp.Table
    query: ReportQuery  # the report's aggregating query over ``applying`` (report() must be given it)


def policy_views(con: Any, sql: SqlQueries, form: Json, as_of: dt.date, bits: Mapping[str, int]) -> PolicyViews:
    """Views over ``population_typed`` (never stored: a query over a view computes its rows):
    ``counted_<policy>``, every valid profile's ``in_force`` and ``excluded`` (the query's first
    steps alone); ``invalid_<policy>``, the invalid profiles' ``row_id`` and ``error_field``;
    ``applying_<policy>``, the per-applicant result rows of the valid profiles less those where no
    item can apply (no amount, nothing applies: the rows a report only counts); and the report's
    aggregating query over the last (:func:`report_query`)."""
    pid = form["policy"]["id"]
    counted = sql.typed_counted(form, bits, as_of, "duckdb", "population_typed")
    # money as BIGINT fen: the figures sum the integers the query computes, with no conversion
    # to DECIMAL per row and column (1.07-1.12 times faster reports where amounts are fen already)
    applying = sql.typed_query(form, bits, as_of, "duckdb", "population_typed", valid_only=True, applying_only=True,
                               fen=True)
    invalid = sql.typed_errors(form, bits, "duckdb", "population_typed")
    rows = _view(con, f"applying_{pid}", applying)
    return PolicyViews(_view(con, f"counted_{pid}", counted), _view(con, f"invalid_{pid}", invalid), rows,
                       report_query(form, rows, fen=True))


def invalid_by_field(con: Any, invalid: exp.Expr) -> dict[str, int]:
    """The number of invalid profiles by ``error_field`` (view ``invalid_<policy>``)."""
    field = _q("error_field")
    q = exp.select(field, exp.func("count", exp.Star())).from_(invalid.copy()).group_by(field.copy())
    return {f: int(n) for f, n in con.execute(q.sql("duckdb")).fetchall()}


def invalid_examples(con: Any, rows: exp.Table, form: Json) -> dict[str, Json]:
    """For each field some profile is refused for (``rows``: the invalid rows' ``row_id`` and
    ``error_field``), the first such profile in application order: its ``row_id``, the value as
    the population file gives it, and why it is refused (the calculators' message for that value),
    so that whoever prepared the file can find and mend it. A missing or bad 参数 (not a column of
    the file) has no value; a broken 约束 has the value of the field it names and its message."""
    field, row_id = _q("error_field"), _q("row_id")
    # a row whose row_id is blank in the file (an empty line of a spreadsheet's export: 「,,,,」)
    # has none: it is an example only when every refused row of its field is one (min skips NULL)
    q = (exp.select(field, exp.func("min", row_id)).from_(rows.copy())
         .where(exp.not_(exp.Is(this=field.copy(), expression=exp.null()))).group_by(field.copy()))
    firsts = dict(con.execute(q.sql("duckdb")).fetchall())
    facts = {f["name"]: f for f in [*form["facts"], *form["vocabulary"]]}
    have = set(con.sql("SELECT * FROM population LIMIT 0").columns)
    out: dict[str, Json] = {}
    for name in sorted(firsts):
        first = firsts[name]
        example: Json = {"row_id": None if first is None else int(first), "value": None, "reason": None}
        f = facts.get(name)
        if f is not None:
            got = [] if name not in have else con.execute(  # no column: a required fact left out
                exp.select(_q(name)).from_("population")
                .where(exp.NullSafeEQ(this=row_id.copy(), expression=exp.null() if first is None
                                      else exp.Literal.number(first))).limit(100).sql("duckdb")).fetchall()
            # several rows may share the row_id (a file numbered twice): the one whose value is
            # refused, not another's acceptable value
            seen = [(t, _refused(f, t)) for (t,) in got] or [(None, _refused(f, None))]
            text, example["reason"] = next((x for x in seen if x[1] is not None), seen[0])
            example["value"] = text
            # a value acceptable on its own, or an optional one left blank, refused for a broken
            # 约束 (the field it names): the calculators' message for that 约束
            broken = [c["message"] for c in form.get("constraints", []) if c["field"] == name]
            if broken and (example["reason"] is None or (text is None and not f.get("required"))):
                example["reason"] = broken[0] if len(broken) == 1 else "违反以下约束之一：" + "；".join(broken)
        out[name] = example
    return out


def _refused(f: Json, text: str | None) -> str | None:
    """Why the calculators refuse the file's ``text`` for fact ``f`` (None: they accept it)."""
    from ..evaluate.messages import MESSAGES
    from ..evaluate.runtime import Bad, FactSpec, check_value

    if text is None:
        return MESSAGES["required"].format(name=f["name"], label=f["label"])
    # as a profile would carry it: a file's "true" is true, its "9" the integer 9
    value: object = text
    if f["kind"] == "bool":
        value = {"true": True, "false": False}.get(text, text)
    elif f["kind"] == "int" and re.fullmatch(r"-?[0-9]{1,18}", text):
        value = int(text)
    low, high = (Decimal(str(x)) if f["kind"] == "rate" and x is not None else x for x in (f["low"], f["high"]))
    checked = check_value(FactSpec(f["name"], f["kind"], f["label"], low, high, tuple(f["values"])), value)
    return checked.message if isinstance(checked, Bad) else None


def _one(con: Any, e: exp.Select) -> tuple[Any, ...]:
    (row,) = con.execute(e.sql("duckdb")).fetchall()  # one row, fetched to the end
    return tuple(row)


def _money(x: Any) -> str:
    return f"{Decimal(x or 0):.2f}"


# The figures' expressions are built as nodes, not through sqlglot's builders (exp.func, exp.cast),
# which parse their type names and copy every argument: a report builds a few hundred, and that
# Python work (serial) was 10-25 ms of a report of 1,000,000 profiles
_DEC38_2 = exp.DataType.build("DECIMAL(38, 2)")


def _sum(e: exp.Expr, fen: bool = False) -> exp.Expr:
    zero = exp.Literal.number(0) if fen else exp.Cast(this=exp.Literal.number(0), to=_DEC38_2.copy())
    return exp.Coalesce(this=exp.Sum(this=e), expressions=[zero])


def _sum_raw(e: exp.Expr) -> exp.Expr:
    return exp.Sum(this=e)


def _count_if(e: exp.Expr) -> exp.Expr:  # 0, not NULL, over no rows (every profile invalid)
    return exp.Coalesce(this=exp.CountIf(this=e), expressions=[exp.Literal.number(0)])


class Figures:
    """The aggregates of one policy's report, gathered into one SELECT: one pass over the rows.
    ``fen``: the rows' money columns are BIGINT numbers of fen (``typed_query(fen=True)``), so
    are the sums and values of money the figures give; :meth:`yuan` turns them into yuan."""

    def __init__(self, fen: bool = False) -> None:
        self.exprs: list[exp.Expr] = []
        self.fen = fen
        self.money: list[int] = []  # the figures that are amounts (a value or a list of values)

    def add(self, e: exp.Expr, money: bool = False) -> int:
        self.exprs.append(e)
        if money:
            self.money.append(len(self.exprs) - 1)
        return len(self.exprs) - 1

    def amount(self, yuan: int) -> exp.Expr:
        """A number of yuan as the rows' money columns hold it."""
        return exp.Literal.number(yuan * 100 if self.fen else yuan)

    def yuan(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """``row`` with every amount in yuan (exact: an integer of fen over 100 is a Decimal)."""
        if not self.fen:
            return row
        out = list(row)
        for n in self.money:
            x = out[n]
            out[n] = ([None if v is None else Decimal(v).scaleb(-2) for v in x] if isinstance(x, list) else
                      None if x is None else Decimal(x).scaleb(-2))
        return tuple(out)

    def sql(self, source: exp.Expr) -> str:
        """The SELECT of every figure over ``source`` (DuckDB)."""
        cols = [exp.alias_(e, f"f{n}", quoted=True, copy=False) for n, e in enumerate(self.exprs)]
        return exp.select(*cols, copy=False).from_(source.copy(), copy=False).sql("duckdb")


def _counts(con: Any, counted: exp.Expr) -> tuple[Any, ...]:
    """Valid profiles, excluded and not in force, over ``counted`` (every valid row)."""
    return _one(con, exp.select(exp.func("count", exp.Star()), _count_if(_q("excluded")),
                                _count_if(exp.not_(_q("in_force")))).from_(counted.copy()))


def report(con: Any, sql: SqlQueries, source: exp.Expr, form: Json, source_text: str, budget: Decimal | None,
           errors: Mapping[str, int] | None = None, budget_source: exp.Expr | None = None,
           counted: exp.Expr | None = None, invalid: exp.Expr | None = None,
           query: ReportQuery | None = None) -> Json:
    """The budget figures for one policy from its per-applicant rows ``source`` (a results table,
    or the query of the valid rows with ``errors``, the number of invalid profiles by field, or
    ``invalid``, the invalid rows they are counted from): one aggregating query. ``budget_source``:
    the rows the budget is spent over in application order (a results table; ``source`` when not
    given). ``counted``: every valid row, where ``source`` leaves out rows in which no item can
    apply (``applying_<policy>``: a row without an amount adds nothing but to the counts of
    profiles, excluded and not in force, which are taken from ``counted``, a query that computes
    only those columns). ``query``: the aggregating query over ``source``, built beforehand
    (:func:`report_query`; the views of :func:`policy_views` carry theirs), else built here.

    The queries over ``counted`` and ``invalid`` run on a second connection to the same database
    while DuckDB plans the aggregating query: planning is serial (one thread; 5-15 ms for a seed
    policy's query, up to a tenth of its report of 1,000,000 profiles), so the other core would
    wait through it."""
    side: Future[tuple[tuple[Any, ...] | None, Mapping[str, int] | None]] | None = None
    if counted is not None or invalid is not None:
        side = _SIDE.submit(_side_queries, con.cursor(), counted, invalid)
    try:
        return _report(con, sql, source, form, source_text, budget, errors, budget_source, query, side)
    finally:
        if side is not None:
            side.cancel() or side.exception()  # never left running past the report (nor its error)


def report_views(con: Any, sql: SqlQueries, views: PolicyViews, form: Json, source_text: str,
                 budget: Decimal | None, budget_source: exp.Expr | None = None) -> Json:
    """:func:`report` over a policy's views (:func:`policy_views`): the figures of ``applying``
    by its own query, the counts of ``counted``, the invalid rows of ``invalid`` by field."""
    return report(con, sql, views.applying, form, source_text, budget, budget_source=budget_source,
                  counted=views.counted, invalid=views.invalid, query=views.query)


def _side_queries(cur: Any, counted: exp.Expr | None,
                  invalid: exp.Expr | None) -> tuple[tuple[Any, ...] | None, Mapping[str, int] | None]:
    try:
        return (None if counted is None else _counts(cur, counted),
                None if invalid is None else invalid_by_field(cur, invalid))
    finally:
        cur.close()


# one worker: a report's side queries (report() waits for them before it returns)
_SIDE = ThreadPoolExecutor(max_workers=1, thread_name_prefix="policyc-report")


class ReportQuery(NamedTuple):
    """A policy's aggregating query over its per-applicant rows (:func:`report_query`): its SQL
    text and how to read its one row into the report's figures. Built once per policy and rows
    (with the views, :func:`policy_views`), like the views' own queries: a few hundred sqlglot
    nodes, 6-10 ms of Python for a seed policy, that a report would otherwise build each time."""

    sql: str
    read: Callable[[tuple[Any, ...]], Json]
    fen: bool = False  # the rows' money columns are BIGINT numbers of fen (so is a budget spent over them)


def report_query(form: Json, source: exp.Expr, fen: bool = False) -> ReportQuery:
    """The figures of one policy over ``source`` (a results table or the applying rows) as one
    aggregating SELECT, and the reader of its row: counts, totals, items, funding, payment stages,
    distribution and 名额 (the keys of :func:`report`'s result they fill, and ``_valid``,
    ``_excluded``, ``_not_in_force``, ``_invalid``: what the rows themselves count). ``fen``: the
    money columns of ``source`` are BIGINT numbers of fen (``typed_query(fen=True)``)."""
    ok = exp.Is(this=_q("error_field"), expression=exp.null())
    items = form["items"]
    applies = [_q(f"{it['id']}__applies") for it in items]
    # whether the applicant is paid something: read by a dozen figures (counts, distribution,
    # histogram), so computed once per row as a column of the rows the figures read (DuckDB
    # computes each aggregate's argument apart: 3-7% of the report's time, measured)
    eligible = _q(ELIGIBLE)
    rows = exp.select(exp.Star(), exp.alias_(
        exp.and_(ok, _q("in_force"), exp.not_(_q("excluded")), exp.or_(*applies) if applies else exp.false()),
        ELIGIBLE, quoted=True)).from_(source.copy()).subquery("r")
    fig = Figures(fen)
    head = [fig.add(e, n in (5, 6)) for n, e in enumerate((
        exp.func("count", exp.Star()), _count_if(exp.not_(ok)), _count_if(exp.and_(ok, _q("excluded"))),
        _count_if(eligible), _count_if(exp.and_(ok, exp.not_(_q("in_force")))),
        _sum(_q("total_min"), fen), _sum(_q("total_max"), fen),
        _count_if(exp.and_(eligible, exp.Is(this=_q("total_max"), expression=exp.null())))))]
    per_item = []
    for it in items:
        i = it["id"]
        app = _q(f"{i}__applies")
        undet = exp.and_(app.copy(), exp.Is(this=_q(f"{i}__min"), expression=exp.null()))
        per_item.append([fig.add(_count_if(app)), fig.add(_count_if(undet)),
                         fig.add(_sum(_q(f"{i}__paid_min"), fen), True), fig.add(_sum(_q(f"{i}__paid_max"), fen), True),
                         fig.add(_count_if(exp.and_(app.copy(), exp.Is(this=_q(f"{i}__paid_max"),
                                                                       expression=exp.null()))))])
    sources = (*FUNDING_SOURCES, UNSPECIFIED)
    fund = [fig.add(_sum(_q(f"funding_{s}"), fen), True) for s in sources]
    stage_cols = []
    k = 0
    for sched in form["payments"]:
        for st in sched["stages"]:
            k += 1
            stage_cols.append((sched, st, fig.add(_sum(_q(f"pay_{k}_min"), fen), True),
                               fig.add(_sum(_q(f"pay_{k}_max"), fen), True)))
    dist = _distribution(fig, eligible)
    quotas = [_quota(fig, form, q) for q in form["quotas"]]

    def read(row: tuple[Any, ...]) -> Json:
        row = fig.yuan(row)
        return {
            "_valid": row[head[0]], "_invalid": row[head[1]], "_excluded": row[head[2]],
            "_not_in_force": row[head[4]], "eligible": row[head[3]],
            "total": {"min": _money(row[head[5]]), "max": _money(row[head[6]]), "unbounded": row[head[7]]},
            "items": [{"id": it["id"], "article": it["article"], "title": it["title"], "applicants": row[n],
                       "undetermined": row[nu], "paid_min": _money(row[lo]), "paid_max": _money(row[hi]),
                       "unbounded": row[unb]}
                      for it, (n, nu, lo, hi, unb) in zip(items, per_item, strict=True)],
            "funding": {s: _money(row[n]) for s, n in zip(sources, fund, strict=True) if Decimal(row[n]) != 0},
            "payments": [{"article": sched["article"], "stage": st["name"], "min": _money(row[lo]),
                          "max": _money(row[hi])} for sched, st, lo, hi in stage_cols],
            "distribution": dist(row), "quotas": [q(row) for q in quotas]}
    return ReportQuery(fig.sql(rows), read, fen)


def _report(con: Any, sql: SqlQueries, source: exp.Expr, form: Json, source_text: str, budget: Decimal | None,
            errors: Mapping[str, int] | None, budget_source: exp.Expr | None, query: ReportQuery | None,
            side: Future[tuple[tuple[Any, ...] | None, Mapping[str, int] | None]] | None) -> Json:
    query = query if query is not None else report_query(form, source)
    (row,) = con.execute(query.sql).fetchall()  # one row, fetched to the end
    figs = query.read(tuple(row))
    valid_n, excluded_n, not_in_force_n = figs.pop("_valid"), figs.pop("_excluded"), figs.pop("_not_in_force")
    invalid = figs.pop("_invalid")
    if side is not None:
        counts, by_field = side.result()
        if counts is not None:
            valid_n, excluded_n, not_in_force_n = counts
        if by_field is not None:
            errors = by_field
    if errors is not None:
        invalid = sum(errors.values())
    profiles = valid_n + (0 if errors is None else invalid)
    out: Json = {"policy": form["policy"]["id"], "title": form["policy"]["title"],
                 "profiles": profiles, "invalid": invalid, "excluded": excluded_n, "eligible": figs.pop("eligible"),
                 "not_in_force": not_in_force_n, "total": figs.pop("total")}
    if errors is None:
        ok = exp.Is(this=_q("error_field"), expression=exp.null())
        bad = con.execute(exp.select(_q("error_field"), exp.func("count", exp.Star())).from_(source.copy())
                          .where(exp.not_(ok)).group_by(_q("error_field")).sql("duckdb")).fetchall()
        errors = {f: n for f, n in bad}
    out["invalid_by_field"] = {f: errors[f] for f in sorted(errors)}
    out.update(figs)  # items, funding, payments, distribution, quotas
    first_come = any(w in source_text for w in STOP_WORDS)
    out["budget"] = None
    if budget is not None:  # spent over ``source`` itself: in its money, fen where it is (the views')
        out["budget"] = (_budget(con, budget_source, budget, first_come) if budget_source is not None else
                         _budget(con, source, budget, first_come, query.fen))
    out["first_come_in_text"] = first_come
    # which reading of each 解读 the figures use (the query's: the adopted one); items: those it affects
    out["readings"] = [{("items" if k == "affects" else k): v for k, v in r.items()} for r in sql.readings(form)]
    return out


def _distribution(fig: Figures, eligible: exp.Expr) -> Callable[[tuple[Any, ...]], Json]:
    amount = _q("total_max")
    qs = (0.1, 0.5, 0.9, 0.99)
    # the amount of an eligible applicant, else NULL, which the aggregates skip (as NULL amounts)
    paying = exp.Case(ifs=[exp.If(this=eligible.copy(), true=amount.copy())])
    # the four quantiles from one sorted list (a list of fractions: one sort, not four)
    fractions = exp.Array(expressions=[exp.Literal.number(q) for q in qs])
    quantiles = fig.add(exp.func("quantile_disc", paying, fractions), True)
    most = fig.add(exp.func("max", paying.copy()), True)
    bins = []
    for lo, hi in zip(BINS, (*BINS[1:], None), strict=True):
        cond: exp.Expr = exp.GTE(this=amount.copy(), expression=fig.amount(lo))
        if hi is not None:
            cond = exp.and_(cond, exp.LT(this=amount.copy(), expression=fig.amount(hi)))
        bins.append((lo, hi, fig.add(_count_if(exp.and_(eligible.copy(), cond)))))

    def read(row: tuple[Any, ...]) -> Json:
        values = row[quantiles] if row[quantiles] is not None else [None] * len(qs)
        return {"quantiles": {f"p{round(q * 100)}": (_money(v) if v is not None else None)
                              for q, v in zip(qs, values, strict=True)},
                "max": _money(row[most]) if row[most] is not None else None,
                "histogram": [{"from": str(lo), "to": str(hi) if hi is not None else None, "count": row[n]}
                              for lo, hi, n in bins]}
    return read


def _members(form: Json, scope: Json | None) -> list[str]:
    if scope is None or scope["kind"] == "all":
        return [it["id"] for it in form["items"]]
    if scope["kind"] == "items":
        return list(scope["items"])
    return [it["id"] for it in form["items"] if it["beneficiary"] == scope["beneficiary"]]


def _quota(fig: Figures, form: Json, q: Json) -> Callable[[tuple[Any, ...]], Json]:
    """How far a 名额 goes: applicants in its scope, in application order (the first ``limit``
    by ``row_id``: DuckDB's ``min_by(amount, row_id, limit)``, no sort of the whole table)."""
    members = _members(form, q["scope"])
    out: Json = {"id": q["id"], "article": q["article"], "note": q["note"], "items": members}
    bound = q["at_most"] or q["at_least"]
    const = bound["value"] if bound is not None and bound.get("op") == "num" else None
    out["bound"] = "at_most" if q["at_most"] else "at_least"
    out["limit"] = int(Decimal(const)) if const is not None else None
    if not members:
        return lambda row: {**out, "applicants": 0}
    hit = exp.or_(*[_q(f"{m}__applies") for m in members])
    amount: exp.Expr = exp.Literal.number(0)
    for m in members:
        amount = exp.Add(this=amount, expression=exp.func("coalesce", _q(f"{m}__paid_max"), exp.Literal.number(0)))
    n = fig.add(_count_if(hit))
    total = fig.add(_sum_raw(exp.Case(ifs=[exp.If(this=hit.copy(), true=amount.copy())])), True)
    first: tuple[int, int] | None = None
    if out["limit"] is not None and out["bound"] == "at_most" and out["limit"] > 0:
        limit = exp.Literal.number(out["limit"])
        # the row_id of an applicant in scope, else NULL, which the two aggregates skip: the same
        # figures as FILTER (WHERE hit), a sixth of 咸宁's report faster (an aggregate with FILTER
        # costs DuckDB more than one over a CASE: measured, and so for every figure here)
        order = exp.Case(ifs=[exp.If(this=hit.copy(), true=_q("row_id"))])
        first = (fig.add(exp.func("list_sum", exp.func("min_by", amount.copy(), order, limit)), True),
                 fig.add(exp.func("list_max", exp.func("min", order.copy(), limit.copy()))))

    def read(row: tuple[Any, ...]) -> Json:
        got = {**out, "applicants": row[n], "amount": _money(row[total])}
        if out["limit"] is not None and out["bound"] == "at_most":
            paid, last = (row[first[0]], row[first[1]]) if first is not None else (None, None)
            funded = min(row[n], out["limit"])
            got.update(funded=funded, funded_amount=_money(paid), not_funded=row[n] - funded,
                       not_funded_amount=_money(Decimal(row[total] or 0) - Decimal(paid or 0)),
                       runs_out_at_row=last if row[n] > out["limit"] else None)
        elif out["limit"] is not None:
            got.update(met=row[n] >= out["limit"])
        return got
    return read


def _budget(con: Any, t: exp.Expr, budget: Decimal, first_come: bool, fen: bool = False) -> Json:
    """A budget spent in application order (用完即止): who is paid in full before it runs out
    (``fen``: the amounts of ``t`` are numbers of fen, :func:`report_query`)."""
    amount = _q("total_max")
    running = exp.alias_(exp.Window(this=exp.func("sum", amount.copy()),
                                    order=exp.Order(expressions=[exp.Ordered(this=_q("row_id"))])),
                         "running", quoted=True)
    paid = exp.and_(exp.Is(this=_q("error_field"), expression=exp.null()),
                    exp.GT(this=amount.copy(), expression=exp.Literal.number(0)))
    ranked = exp.select(_q("row_id"), amount.copy(), running).from_(t).where(paid)
    cap = exp.cast(exp.Literal.string(str(budget * 100 if fen else budget)), "DECIMAL(38, 2)")
    n, demand = _one(con, exp.select(exp.func("count", exp.Star()), _sum(amount.copy())).from_(ranked.subquery("r")))
    within = exp.LTE(this=_q("running"), expression=cap)
    funded, used = _one(con, exp.select(exp.func("count", exp.Star()), _sum(amount.copy()))
                        .from_(ranked.subquery("r")).where(within))
    first_out = _one(con, exp.select(exp.func("min", _q("row_id"))).from_(ranked.subquery("r"))
                     .where(exp.not_(within.copy())))[0]
    if fen:
        demand, used = Decimal(demand).scaleb(-2), Decimal(used).scaleb(-2)
    return {"amount": _money(budget), "order": "first_come" if first_come else "row_order",
            "applicants_paid": n, "demand": _money(demand), "funded": funded, "used": _money(used),
            "not_funded": n - funded, "runs_out_at_row": first_out,
            "share_funded": f"{(Decimal(used) / Decimal(demand) * 100).quantize(Decimal('0.1')) if demand else 0}%"}


def simulate(population: Path, forms: list[tuple[Json, str]], as_of: dt.date,
             budgets: Mapping[str, Decimal], tick: Callable[[str], None] | None = None,
             params: Mapping[str, str] | None = None, results_tables: bool = False) -> Json:
    """Load ``population`` and run every (lowered form, source text) over it; the full report.
    Each policy's figures are one aggregating query over its valid rows, computed and summed in
    one pass; ``results_tables``: store every applicant's result row first and aggregate the
    table (the same report, slower: what the tests compare the one pass with). Either way an
    invalid profile counts under the field its ``error_field`` names: its own invalid field,
    else a bad or missing 参数, else a broken 约束. ``params``: values of the policies' 参数 (text)."""
    import duckdb

    sql = sql_backend()
    con = duckdb.connect()
    n = load_population(con, population, {f["name"] for form, _ in forms for f in form["facts"]})
    bits = type_population(con, sql, [form for form, _ in forms])
    reports = []
    for form, text in forms:
        pid = form["policy"]["id"]
        if tick is not None:
            tick(pid)
        budget = budgets.get(pid)
        if bits is None or results_tables:  # each policy's query into a results table
            table = exp.to_table(run_policy(con, sql, form, as_of, bits, params), quoted=True)
            reports.append(report(con, sql, table, form, text, budget))
            reports[-1]["invalid_examples"] = invalid_examples(con, table, form)
            continue
        # typed: one aggregating pass over the valid rows, no results table; the invalid rows by
        # field (a profile's own, then a bad or missing 参数 and a broken 约束)
        parameters_table(con, form, params or {})
        views = policy_views(con, sql, form, as_of, bits)
        # a budget is spent over the same rows (a row left out of them is paid nothing), no table
        reports.append(report_views(con, sql, views, form, text, budget))
        reports[-1]["invalid_examples"] = invalid_examples(con, views.invalid, form)
    return {"as_of": as_of.isoformat(), "population": population.name, "profiles": n, "policies": reports}
