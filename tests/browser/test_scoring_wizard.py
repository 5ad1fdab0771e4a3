"""The scoring wizard in Chromium against a real `kumi up`: a workspace with a registered
AutoML model and a DuckDB file with a table; the page walks connection (a missing file is
named first) → table preview → model signature → mapping (a text column on a number input
is flagged and blocks) → output → run, then shows the scored rows and the generated SQL."""

from __future__ import annotations

import os
from collections.abc import Iterator

import duckdb
import pytest
from playwright.sync_api import Page, expect

from kumi.storage.workspace import Workspace
from tests.browser.conftest import PAGE, screenshot, serve_studio
from tests.services.test_scoring_wizard import loans, quick_fit

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scoring_studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(studio URL, DuckDB file) with model 'loans' registered and table 'applicants'."""
    assert PAGE.is_file(), "build the page first: npm run build --prefix frontend"
    folder = tmp_path_factory.mktemp("scoring-browser")
    with Workspace.open(folder / "ws") as workspace:
        quick_fit(loans()).register("loans", workspace)
    rows = loans(rows=50, seed=11).drop(columns="approved")
    rows["note"] = "x"
    database = str(folder / "shop.duckdb")
    with duckdb.connect(database) as connection:
        connection.register("rows_frame", rows)
        connection.execute("CREATE TABLE applicants AS SELECT * FROM rows_frame")
    paths = [p for p in [os.environ.get("PYTHONPATH")] if p]
    with serve_studio(folder / "ws", paths) as url:
        yield url, database


def next_step(page: Page) -> None:
    page.get_by_test_id("scoring-next").click()


def test_the_wizard_scores_a_duckdb_table(page: Page, scoring_studio: tuple[str, str]) -> None:
    url, database = scoring_studio
    page.goto(url)
    page.get_by_role("navigation").get_by_role("link", name="Scoring").click()
    page.wait_for_url("**/scoring")
    field = page.get_by_label("Database (DuckDB file path or PostgreSQL URL)")
    field.fill(database + ".missing")
    next_step(page)
    expect(page.get_by_role("alert")).to_contain_text("does not exist")
    field.fill(database)
    next_step(page)
    page.get_by_role("radio", name="applicants").check()
    preview = page.get_by_role("table", name="First rows of applicants")
    expect(preview).to_contain_text("income")
    expect(page.get_by_test_id("column-kinds")).to_contain_text("grade: text")
    screenshot(page, "scoring-wizard-1-table")
    next_step(page)
    page.get_by_role("radio", name="loans").check()
    signature = page.get_by_label("Signature of loans")
    expect(signature).to_contain_text("income (number)")
    expect(signature).to_contain_text("Scored Probabilities (double)")
    page.get_by_role("button", name="Copy into the database").click()
    expect(page.get_by_test_id("stored-model")).to_contain_text("loans:1 is in kumi_models")
    next_step(page)

    mapping = page.get_by_role("table", name="Column mapping")
    income = mapping.get_by_label("Column for income")
    expect(income).to_have_value("income", timeout=20_000)
    income.select_option("note")
    expect(mapping.locator("tr[data-status=mismatch]")).to_contain_text(
        "takes numbers", timeout=20_000
    )
    next_step(page)
    expect(page.get_by_test_id("wizard-problem")).to_contain_text("column 'note' holds text")
    screenshot(page, "scoring-wizard-2-mismatch")
    income.select_option("income")
    expect(mapping.locator("tr[data-status=mismatch]")).to_have_count(0, timeout=20_000)
    next_step(page)

    expect(page.get_by_label("Output table")).to_have_value("applicants_scored")
    page.get_by_test_id("scoring-run").click()
    status = page.get_by_test_id("scoring-status")
    expect(status).to_have_attribute("data-status", "completed", timeout=60_000)
    expect(status).to_contain_text("50 of 50 rows scored")
    scored = page.get_by_role("table", name="First rows of applicants_scored")
    expect(scored).to_contain_text("Scored Probabilities")
    expect(page.get_by_test_id("scoring-sql")).to_contain_text("loans:1")
    screenshot(page, "scoring-wizard-3-result")
    with duckdb.connect(database) as connection:
        written = connection.execute('SELECT "Scored Labels" FROM applicants_scored').fetchall()
        stored = connection.execute("SELECT name, version FROM kumi_models").fetchall()
    assert len(written) == 50 and {label for (label,) in written} <= {"yes", "no"}
    assert stored == [("loans", 1)]
