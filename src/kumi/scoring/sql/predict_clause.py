"""Find and read the Synapse-style ``PREDICT`` clause in a SQL statement, for any database:

    SELECT d.*, p.* FROM PREDICT(MODEL = 'name[:version]', DATA = table_or_subquery AS d)
    WITH ("Scored Labels" VARCHAR, ...) AS p

Keywords are case-insensitive; identifiers may be double-quoted; the data may be a
(possibly qualified) table name or a parenthesized subquery with nested parentheses.
Strings, quoted identifiers and comments are skipped, so ``'PREDICT('`` in a literal is not
mistaken for the clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kumi.core.errors import InvalidInputError
from kumi.scoring.registered import ModelRef

EXAMPLE = (
    "SELECT d.*, p.* FROM PREDICT(MODEL = 'churn:1', DATA = customers AS d) "
    'WITH ("Scored Labels" VARCHAR) AS p'
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
_CLAUSE_WORDS = frozenset(
    ("WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "POSITIONAL", "NATURAL"),
) | frozenset(("ON", "USING", "GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET", "UNION", "EXCEPT"))
_TYPE = re.compile(r"[A-Za-z_][A-Za-z0-9_ ]*(\(\s*\d+(\s*,\s*\d+)?\s*\))?(\s*\[\s*\])?")


@dataclass(frozen=True)
class PredictClause:
    """One ``PREDICT(...) [WITH (...)] AS alias`` found in a statement."""

    model: ModelRef
    data_sql: str
    data_alias: str
    with_columns: list[tuple[str, str]] | None
    alias: str
    span: tuple[int, int]

    @property
    def data_is_subquery(self) -> bool:
        return self.data_sql.startswith("(")


def find_predict(sql: str) -> PredictClause | None:
    """The first PREDICT clause of ``sql``, or None when it has none; InvalidInputError
    (saying what to write) when the clause is malformed."""
    start = _find_keyword_call(sql, "PREDICT")
    if start is None:
        return None
    return _Reader(sql, start).clause()


def quote_identifier(name: str) -> str:
    """``name`` as a double-quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _find_keyword_call(sql: str, keyword: str) -> int | None:
    """Where ``keyword (`` starts outside strings, quoted identifiers and comments."""
    i = 0
    while i < len(sql):
        skipped = _skip_quoted_or_comment(sql, i)
        if skipped != i:
            i = skipped
            continue
        match = _WORD.match(sql, i)
        if match is None:
            i += 1
            continue
        called = match.group().upper() == keyword and _next_char(sql, match.end()) == "("
        if called and (i == 0 or not (sql[i - 1].isalnum() or sql[i - 1] in "_.$")):
            return i
        i = match.end()
    return None


def _skip_quoted_or_comment(sql: str, i: int) -> int:
    """The index after a string, quoted identifier or comment starting at ``i`` (else i)."""
    if sql.startswith("--", i):
        end = sql.find("\n", i)
        return len(sql) if end < 0 else end + 1
    if sql.startswith("/*", i):
        end = sql.find("*/", i + 2)
        if end < 0:
            raise _malformed("a /* comment is never closed with */")
        return end + 2
    if sql[i] in "'\"":
        quote, j = sql[i], i + 1
        while True:
            j = sql.find(quote, j)
            if j < 0:
                raise _malformed(f"a {quote} quote is never closed")
            if sql.startswith(quote * 2, j):
                j += 2
                continue
            return j + 1
    return i


def _next_char(sql: str, i: int) -> str:
    while i < len(sql) and sql[i].isspace():
        i += 1
    return sql[i] if i < len(sql) else ""


def _malformed(problem: str, **details: object) -> InvalidInputError:
    return InvalidInputError(
        f"The PREDICT clause is malformed: {problem}. Write it as: {EXAMPLE}",
        details={"problem": problem, **details},
    )


class _Reader:
    """A cursor over the SQL text from the PREDICT keyword on."""

    def __init__(self, sql: str, start: int) -> None:
        self.sql = sql
        self.start = start
        self.pos = start + len("PREDICT")

    def clause(self) -> PredictClause:
        arguments = self._arguments()
        end = self.pos
        with_columns = None
        if self._peek_word() == "WITH":
            self._word()
            with_columns = _with_columns(self._parenthesized())
            end = self.pos
        alias = "p"
        if self._peek_word() == "AS":
            self._word()
            alias = self._identifier("the alias of the scores after AS, e.g. AS p")
        elif self._peek_word() and self._peek_word() not in _CLAUSE_WORDS:
            alias = self._identifier("the alias of the scores, e.g. AS p")
        end = self.pos if self.sql[end : self.pos].strip() else end
        model, data_sql, data_alias = _model_and_data(arguments)
        return PredictClause(model, data_sql, data_alias, with_columns, alias, (self.start, end))

    def _arguments(self) -> dict[str, str]:
        body = self._parenthesized()
        arguments: dict[str, str] = {}
        for part in _split_top_level(body):
            name, equals, value = part.partition("=")
            key = name.strip().upper()
            if not equals or not _WORD.fullmatch(key):
                raise _malformed(f"'{part.strip()}' is not of the form NAME = value")
            arguments[key] = value.strip()
        return arguments

    def _parenthesized(self) -> str:
        self._skip_space()
        if not self.sql.startswith("(", self.pos):
            raise _malformed(f"expected '(' at: {self._here()}")
        end = _closing_parenthesis(self.sql, self.pos)
        body = self.sql[self.pos + 1 : end]
        self.pos = end + 1
        return body

    def _peek_word(self) -> str:
        self._skip_space()
        match = _WORD.match(self.sql, self.pos)
        return match.group().upper() if match else ""

    def _word(self) -> str:
        self._skip_space()
        match = _WORD.match(self.sql, self.pos)
        assert match is not None
        self.pos = match.end()
        return match.group()

    def _identifier(self, what: str) -> str:
        self._skip_space()
        name, end = _read_identifier(self.sql, self.pos)
        if name is None:
            raise _malformed(f"expected {what} at: {self._here()}")
        self.pos = end
        return name

    def _skip_space(self) -> None:
        while self.pos < len(self.sql) and self.sql[self.pos].isspace():
            self.pos += 1

    def _here(self) -> str:
        rest = self.sql[self.pos : self.pos + 30].strip()
        return f"'{rest}'" if rest else "the end of the statement"


def _read_identifier(text: str, i: int) -> tuple[str | None, int]:
    """A bare or double-quoted identifier at ``i`` (unquoted), and the index after it."""
    if text.startswith('"', i):
        end = _skip_quoted_or_comment(text, i)
        return text[i + 1 : end - 1].replace('""', '"'), end
    match = _WORD.match(text, i)
    if match is None:
        return None, i
    return match.group(), match.end()


def _closing_parenthesis(sql: str, open_at: int) -> int:
    depth, i = 0, open_at
    while i < len(sql):
        skipped = _skip_quoted_or_comment(sql, i)
        if skipped != i:
            i = skipped
            continue
        depth += {"(": 1, ")": -1}.get(sql[i], 0)
        if depth == 0:
            return i
        i += 1
    raise _malformed("a '(' is never closed with ')'")


def _split_top_level(body: str) -> list[str]:
    """``body`` split at commas outside parentheses, strings and quoted identifiers."""
    parts, depth, begin, i = [], 0, 0, 0
    while i < len(body):
        skipped = _skip_quoted_or_comment(body, i)
        if skipped != i:
            i = skipped
            continue
        char = body[i]
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(body[begin:i])
            begin = i + 1
        i += 1
    parts.append(body[begin:])
    return parts if body.strip() else []


def _model_and_data(arguments: dict[str, str]) -> tuple[ModelRef, str, str]:
    unknown = sorted(set(arguments) - {"MODEL", "DATA", "RUNTIME"})
    if unknown:
        raise _malformed(f"PREDICT takes MODEL and DATA, not {', '.join(unknown)}")
    model_text = arguments.get("MODEL", "")
    if len(model_text) < 2 or model_text[0] != "'" or model_text[-1] != "'":
        raise _malformed("MODEL must be a quoted model name, e.g. MODEL = 'churn:1'")
    model = ModelRef.parse(model_text[1:-1].replace("''", "'"))
    data = arguments.get("DATA", "").strip()
    if not data:
        raise InvalidInputError(
            "PREDICT names no DATA table; add DATA = table_name AS d (or a subquery in "
            f"parentheses). For example: {EXAMPLE}",
            details={"problem": "no DATA"},
        )
    return model, *_data_and_alias(data)


def _data_and_alias(data: str) -> tuple[str, str]:
    """Split ``table AS d`` / ``(SELECT ...) AS d`` into the relation and its alias."""
    if data.startswith("("):
        end = _closing_parenthesis(data, 0)
        relation, rest = data[: end + 1], data[end + 1 :]
    else:
        end = _end_of_qualified_name(data)
        relation, rest = data[:end], data[end:]
    rest = rest.strip()
    if rest[:2].upper() == "AS" and (len(rest) == 2 or not rest[2].isalnum()):
        rest = rest[2:].strip()
    alias, end = _read_identifier(rest, 0) if rest else ("d", 0)
    if not relation.strip("() \n\t") or alias is None or rest[end:].strip():
        raise _malformed(f"DATA = {data} is not a table or (subquery) followed by AS alias")
    return relation, alias


def _end_of_qualified_name(text: str) -> int:
    i = 0
    while True:
        name, end = _read_identifier(text, i)
        if name is None:
            return i
        if not text.startswith(".", end):
            return end
        i = end + 1


def _with_columns(body: str) -> list[tuple[str, str]]:
    """``"Scored Labels" VARCHAR, p DOUBLE`` → [(name, type)]; names unquoted."""
    columns = []
    for part in _split_top_level(body):
        text = part.strip()
        name, end = _read_identifier(text, 0)
        sql_type = text[end:].strip()
        if name is None or not sql_type or not _TYPE.fullmatch(sql_type):
            raise _malformed(
                f"the WITH item '{text}' is not a column name followed by a SQL type "
                '(e.g. "Scored Probabilities" DOUBLE)',
                with_item=text,
            )
        columns.append((name, sql_type))
    if not columns:
        raise _malformed("WITH () lists no columns; list the score columns to return or drop WITH")
    return columns
