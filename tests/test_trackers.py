"""rules/trackers.toml's own examples, where trackers are found, and DM303."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from datamin.findings.trackers import tracker_findings
from datamin.records import Control, Field, Form
from datamin.web.trackers import KINDS, Sighting, Tracker, load, sightings, trackers

RULES = load()
MATCHES = [(r.tracker.id, e) for r in RULES.rules for e in r.match_examples]
NO_MATCHES = [(r.tracker.id, e) for r in RULES.rules for e in r.no_match_examples]
REQUIRED = {
    "meta_pixel", "google_ads", "google_tag_manager", "doubleclick", "tiktok_pixel", "linkedin_insight",
    "x_pixel", "pinterest_tag", "snap_pixel", "microsoft_uet", "reddit_pixel", "criteo", "taboola", "outbrain",
    "hotjar", "microsoft_clarity", "fullstory", "mouseflow", "smartlook", "logrocket", "lucky_orange", "crazy_egg",
    "inspectlet", "contentsquare", "quantum_metric", "yandex_metrica", "glassbox", "heap",
}  # fmt: skip
HOTJAR = '<script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>'
META_NOSCRIPT = '<noscript><img src="https://www.facebook.com/tr?id=1&amp;ev=PageView"></noscript>'


def found(html: str) -> set[str]:
    return {s.tracker.id for s in sightings(html)}


def located(html: str) -> set[tuple[str, int, int]]:
    return {(s.tracker.id, s.line, s.column) for s in sightings(html)}


def test_the_toml_is_well_formed() -> None:
    with open(Path(__file__).resolve().parent.parent / "rules" / "trackers.toml", "rb") as handle:
        data = tomllib.load(handle)
    assert set(data["kinds"]) == set(KINDS)
    assert all(k["label"] and k["risk"] for k in data["kinds"].values())
    ids = [entry["id"] for entry in data["tracker"]]
    assert len(ids) == len(set(ids))
    for entry in data["tracker"]:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", entry["id"]), entry
        assert entry["name"] and entry["vendor"], entry["id"]
        assert entry["kind"] in KINDS, entry["id"]
        assert entry.get("sources") or entry.get("inline"), entry["id"]
        assert entry["match"], entry["id"]
        assert set(entry) <= {"id", "name", "kind", "vendor", "sources", "inline", "match", "no_match"}, entry["id"]
        for pattern in entry.get("inline", []):
            re.compile(pattern)
    assert data["nothing"]


def test_the_required_trackers_are_there_with_their_kinds() -> None:
    known = {t.id: t for t in trackers()}
    assert set(known) >= REQUIRED
    session_replay = {
        "hotjar", "microsoft_clarity", "fullstory", "mouseflow", "smartlook", "logrocket", "lucky_orange",
        "crazy_egg", "inspectlet", "contentsquare", "quantum_metric", "yandex_metrica", "glassbox", "heap",
    }  # fmt: skip
    assert {i for i, t in known.items() if t.kind == "session_replay"} == session_replay
    assert {i for i, t in known.items() if t.kind == "tag_manager"} == {"google_tag_manager"}
    assert {i for i, t in known.items() if t.kind == "advertising"} == REQUIRED - session_replay - {
        "google_tag_manager"
    }


def test_trackers_is_a_fresh_list_each_time() -> None:
    trackers().clear()
    assert len(trackers()) == len(RULES.rules)


@pytest.mark.parametrize(("tracker", "example"), MATCHES)
def test_match_examples_are_found_as_that_tracker_alone(tracker: str, example: str) -> None:
    assert found(example) == {tracker}


@pytest.mark.parametrize(("tracker", "example"), NO_MATCHES)
def test_no_match_examples_are_not_that_tracker(tracker: str, example: str) -> None:
    assert tracker not in found(example)


@pytest.mark.parametrize("example", RULES.nothing)
def test_pages_with_no_tracker(example: str) -> None:
    assert sightings(example) == []


@pytest.mark.parametrize(
    "html",
    [
        "<p>Hotjar, FullStory and the Meta Pixel are not used here. fbq('init', '1'); _hjSettings</p>",
        '<a href="https://www.facebook.com/tr?id=1">not a pixel</a>',
        '<form action="https://www.facebook.com/tr"><input name="q"></form>',
        '<div data-src="https://static.hotjar.com/c/hotjar-1.js"></div>',
        '<script src="https://evil.example/static.hotjar.com/c/hotjar-1.js"></script>',
        '<script src="https://static.hotjar.com.example.net/c/hotjar-1.js"></script>',
        '<script src="https://nothotjar.com/x.js"></script>',
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="clarity.ms/tag/">',
        '<script src="javascript:void(0)//static.hotjar.com"></script>',
        '<script src="http://[::1"></script>',
        '<textarea><script src="https://static.hotjar.com/c/hotjar-1.js"></script></textarea>',
        "<script>myfbq('init', '1'); var x_hjSettings = 1; my_uxa = [];</script>",
    ],
)
def test_negatives(html: str) -> None:
    assert sightings(html) == []


def test_quick_signatures_find_what_their_patterns_find() -> None:
    texts = [e for _, e in MATCHES + NO_MATCHES] + list(RULES.nothing) + ["xfbq('init')", "$fbq('init') fbq('init')"]
    for rule in RULES.rules:
        for signature in rule.inline:
            for text in texts:
                quick, plain = signature.search(text), signature.pattern.search(text)
                assert (quick and quick.span()) == (plain and plain.span()), (signature.pattern.pattern, text)


def test_lines_and_columns_of_addresses_and_inline_signatures() -> None:
    html = "\n".join(
        [
            "<!doctype html>",
            "<html><head>",
            '  <script async src="https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234"></script>',
            "  <script>",
            "    var x = 1;",
            "    window._hjSettings = {hjid: 1, hjsv: 6};",
            "  </script>",
            "</head><body>",
            "<p>hello</p> " + META_NOSCRIPT,
            "<script",
            '   src="https://www.clarity.ms/tag/abc"',
            "   async></script>",
            "</body></html>",
        ]
    )
    assert located(html) == {
        ("google_tag_manager", 3, 3),
        ("hotjar", 6, 12),
        ("meta_pixel", 9, 24),
        ("microsoft_clarity", 10, 1),
    }
    assert [s.tracker.id for s in sightings(html)] == [
        "google_tag_manager",
        "hotjar",
        "meta_pixel",
        "microsoft_clarity",
    ]


def test_columns_on_one_minified_line() -> None:
    html = f"<html><head>{HOTJAR}<script>fbq('init', '1');</script>{HOTJAR}</head></html>"
    assert located(html) == {("hotjar", 1, 13), ("meta_pixel", 1, 13 + len(HOTJAR) + len("<script>"))}


def test_crlf_line_endings() -> None:
    html = "<html>\r\n<head>\r\n\r\n  " + HOTJAR + "\r\n</head></html>"
    assert located(html) == {("hotjar", 4, 3)}


def test_one_sighting_per_tracker_at_its_first_appearance() -> None:
    html = "\n".join(
        [
            "<script>window._hjSettings = {hjid: 1};</script>",
            HOTJAR,
            "<p>between</p>",
            HOTJAR,
            "<script>fbq('init', '1'); fbq('init', '2');</script>",
            META_NOSCRIPT,
        ]
    )
    assert located(html) == {("hotjar", 1, 16), ("meta_pixel", 5, 9)}


def test_the_more_specific_source_wins() -> None:
    html = '<img src="https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/?guid=ON">'
    assert found(html) == {"google_ads"}
    assert found('<img src="https://ad.doubleclick.net/ddm/activity/src=1;type=a;cat=b">') == {"doubleclick"}


def test_gtag_is_google_ads_only_with_an_ads_id() -> None:
    assert found('<script src="https://www.googletagmanager.com/gtag/js?id=G-ABC"></script>') == set()
    assert found('<script src="https://www.googletagmanager.com/gtag/js?id=AW-123"></script>') == {"google_ads"}
    assert found('<script src="https://www.googletagmanager.com/gtag/js?id=DC-123"></script>') == {"doubleclick"}


def test_one_inline_script_with_several_trackers() -> None:
    html = "<script>\nfbq('init', '1');\ngtag('config', 'AW-123');\nttq.load('C1');\n</script>"
    assert located(html) == {("meta_pixel", 2, 1), ("google_ads", 3, 1), ("tiktok_pixel", 4, 1)}


def test_consent_gated_and_uppercase_markup() -> None:
    gated = "<script type=\"text/plain\" data-cookieconsent=\"marketing\">fbq('init', '1');</script>"
    html = '<SCRIPT TYPE="text/plain" DATA-SRC="https://STATIC.HOTJAR.COM/c/hotjar-1.js"></SCRIPT>\n' + gated
    assert located(html) == {("hotjar", 1, 1), ("meta_pixel", 2, gated.index("fbq") + 1)}


def test_json_scripts_are_data_not_code() -> None:
    assert found('<script type="application/json">{"snippet": "fbq(\'init\', \'1\')"}</script>') == set()


def test_evidence_is_short_and_says_where_it_was_seen() -> None:
    long_query = "&x=" + "a" * 300
    html = f'<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6{long_query}"></script>'
    (sighting,) = sightings(html)
    assert sighting.evidence.startswith('script src="https://static.hotjar.com/c/hotjar-1.js')
    assert len(sighting.evidence) <= 100
    (inline,) = sightings("<script>\n  ttq.load('C1ABC');   ttq.page();\n</script>")
    assert inline.evidence == "inline script: ttq.load('C1ABC'); ttq.page();"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n ",
        "<!-- only a comment -->",
        "\x00\x01<<<>>>",
        "</html>",
        "<script>fbq('init', '1')",  # never closed
        '<div><p><script src="https://static.hotjar.com/c/hotjar-1.js"<img src=x></div>',
        "<html><head><script>fbq('init','1');</script><body><table><tr><td><form><input name=nric</table>",
        "\ud800 lone surrogate " + HOTJAR,
        "<" * 5000 + HOTJAR,
        "<div>" * 3000 + HOTJAR + "</div>" * 3000,
    ],
)
def test_broken_markup_never_raises(html: str) -> None:
    result = sightings(html)
    assert all(isinstance(s, Sighting) and s.line >= 1 and s.column >= 1 for s in result)


def test_broken_markup_keeps_what_could_be_read() -> None:
    assert found("<script>fbq('init', '1')") == {"meta_pixel"}
    assert found(
        "<html><head><script>fbq('init','1');</script><body><table><tr><td><form><input name=nric</table>"
    ) == {"meta_pixel"}


def test_lines_past_libxml2s_limit() -> None:
    html = "<html><body>\n" + "<p>x</p>\n" * 70_000 + HOTJAR + "\n<script>\nfbq('init', '1');\n</script></body></html>"
    assert located(html) == {("hotjar", 70_002, 1), ("meta_pixel", 70_004, 1)}


# --- DM303 --------------------------------------------------------------------------------

FORM = Form(line=10, ident="form#apply", action="/apply", method="post")
URL = "https://example.sg/apply"


def field(name: str, category: str | None, sensitivity: str | None, line: int = 12) -> Field:
    control = Control(path=URL, line=line, column=5, source="url", tag="input", name=name, form=FORM)
    return Field(control, category, sensitivity, 0.9)


def tracker(tracker_id: str) -> Tracker:
    return next(t for t in trackers() if t.id == tracker_id)


def sighting(tracker_id: str, line: int, column: int = 3) -> Sighting:
    return Sighting(tracker(tracker_id), line, column, "script")


FIELDS = [
    field("email", "email", "low", 11),
    field("nric", "national_id", "high", 12),
    field("dob", "date_of_birth", "high", 13),
]


def test_dm303_one_finding_per_tracker_at_the_tracker() -> None:
    page = [sighting("hotjar", 4), sighting("meta_pixel", 7, 9), sighting("google_tag_manager", 2)]
    findings = tracker_findings(URL, page, FIELDS)
    assert {(f.code, f.path, f.line, f.column, f.category, f.field, f.container) for f in findings} == {
        ("DM303", URL, 4, 3, "national_id", "nric", "form#apply"),
        ("DM303", URL, 7, 9, "national_id", "nric", "form#apply"),
        ("DM303", URL, 2, 3, "national_id", "nric", "form#apply"),
    }
    assert {f.severity for f in findings} == {"warning"}
    by_line = {f.line: f.message for f in findings}
    assert by_line[4] == (
        'Hotjar (session replay) runs on this page, which asks for national_id ("nric") and date_of_birth ("dob"); '
        "session-replay scripts can record what people type"
    )
    assert by_line[7].startswith("Meta Pixel (advertising) runs on this page")
    assert by_line[2].startswith("Google Tag Manager (tag manager) runs on this page")


def test_dm303_needs_a_high_sensitivity_field() -> None:
    low = [field("email", "email", "low"), field("comments", None, None)]
    assert tracker_findings(URL, [sighting("hotjar", 4)], low) == []
    assert tracker_findings(URL, [sighting("hotjar", 4)], []) == []


def test_dm303_needs_a_tracker() -> None:
    assert tracker_findings(URL, [], FIELDS) == []


def test_dm303_skips_kinds_it_does_not_cover() -> None:
    analytics = Sighting(Tracker("ga4", "Google Analytics", "analytics", "Google"), 3, 1, "script")
    assert tracker_findings(URL, [analytics], FIELDS) == []


def test_dm303_names_five_fields_then_counts() -> None:
    many = [field(f"q{i}", "health", "high", 20 + i) for i in range(7)]
    (finding,) = tracker_findings(URL, [sighting("fullstory", 1)], many)
    assert 'health ("q4") and 2 more;' in finding.message
    assert 'health ("q5")' not in finding.message


def test_dm303_field_without_a_form_or_name() -> None:
    control = Control(path=URL, line=3, column=1, source="url", tag="input", ident="passport-no")
    (finding,) = tracker_findings(URL, [sighting("heap", 1)], [Field(control, "passport", "high", 0.8)])
    assert (finding.category, finding.field, finding.container) == ("passport", "#passport-no", None)
    assert 'asks for passport ("#passport-no");' in finding.message


def test_dm303_on_a_scanned_page() -> None:
    html = "<html><head>\n" + HOTJAR + "\n</head><body><form><input name=nric></form></body></html>"
    findings = tracker_findings(URL, sightings(html), [field("nric", "national_id", "high")])
    assert {(f.code, f.line, f.column, f.field) for f in findings} == {("DM303", 2, 1, "nric")}
