"""The rules of running-text assignments (data/patterns/departments.yaml `assignments`),
compiled once: role words, joiners, post labels, duty and set-up patterns.

A leaf of its own because every reader of an assignment asks it — the clause loop
(ingest/assignments.py), the lists of bodies (ingest/body_lists.py), the roles after a
subject (ingest/subject_roles.py), posts and rosters (ingest/group_posts.py) and duty lists
(ingest/duties.py) — and none of them should import another just for the patterns.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from policykg.ingest.patterns import pattern_file
from policykg.ingest.prefilter import Rules, guarded

# The single regexes of departments.yaml `assignments`, each compiled as "<name>_rx".
_REGEXES = ("first_leads", "first_leads_rest", "duty", "set_up", "cited_instructs", "instructs",
            "agent", "title_lead", "agent_duty", "members", "group_duties", "staffs", "launches",
            "overall", "aside", "listed_name", "unit", "post_words", "closing", "heading_body",
            "heading_duty", "heading_duty_opening", "speaks", "speaks_commits", "own_body", "drafted",
            "deadline_lead", "own_head_group", "assigned_to", "bare_unit", "unit_duty", "news_day", "joint_act", "topic_by", "joiner_staff")  # fmt: skip


@cache
def assignment_rules() -> dict[str, Any]:
    """The `assignments` rules, each single regex compiled as "<name>_rx", word lists longest
    first (so a startswith scan takes the longest word), role lists as (regex, role) pairs."""
    r = pattern_file("departments.yaml")["assignments"]
    longest = lambda words: tuple(sorted(words, key=len, reverse=True))  # noqa: E731
    with_role = lambda items: [(guarded(p["regex"]), p["role"]) for p in items]  # noqa: E731
    # guarded (ingest/prefilter.py): finditer/search over a passage skip it when it lacks
    # the rule's literals (a clause without 组长/成员/办公室 has no post), same matches
    return {
        **r,
        **{f"{name}_rx": guarded(r[name]) for name in _REGEXES},
        "openers": longest(r["openers"]),
        "joiners": longest(r["joiners"]),
        "joiner_adverbs": longest(r["joiner_adverbs"]),
        "not_after": longest(r["not_after"]),
        "issued_acts": longest(r["issued_acts"]),
        "lead_rx": [re.compile(x) for x in r["lead"]],
        "support_rx": [re.compile(x) for x in r["support"]],
        "posts_rx": (posts := with_role(r["posts"])),
        # the post rules as one Rules (prefilter.Rules.among): a clause is shown only the
        # rules whose words it holds, one pass for all 11 instead of a guard call each
        "posts_rules": Rules(rx for rx, _role in posts),
        "post_after_rx": with_role(r["post_after"]),
        "roster_rx": with_role(r["roster"]),
        "event_rx": re.compile("|".join(r["event_words"])),
        # 由A处、B室负责…: a bureau's units in a list before their duty
        "unit_agent_rx": re.compile(
            rf"(?:{r['unit']})(?:[、和及](?:{r['unit']}))*(?={r['unit_duty']})"
        ),
        "narrated_rx": re.compile(pattern_file("departments.yaml")["narrated_role_words"]),
        "sibling_unit_rx": re.compile(rf"(?:{r['unit']})(?=(?:{r['unit_duty']}))"),
        # 法规司 负责…: a body's name and its duty on one line, a space between
        "named_duty_rx": re.compile(
            rf"(?P<body>{r['heading_body']})[ \t\u3000]+(?={r['heading_duty']})"
        ),
    }
