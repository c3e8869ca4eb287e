"""Running-text assignments: the sentences that give a task to bodies, wherever they stand.

The genre assigns work in prose as often as in （责任单位：…） brackets and tables:
由A负责 / 由A牵头，B、C配合 / A会同B推进… / A、B按职责分工负责 / 各级药品监管部门要… /
请A… / A：负责… / 组长由…担任，成员单位包括… / 办公室设在A. `find_assignments` reads a
passage clause by clause and returns mentions with roles (lead / support / responsible);
the rules are data (data/patterns/departments.yaml `assignments`), the bodies are read by
form (ingest/bodies.py), so neither a vocabulary nor a known province is needed.

This module holds the clause loop: where a clause's subject starts and whether its
sentence gives it a task. What it asks lives beside it — lists of bodies and their joiners
(ingest/body_lists.py), the role the words after a subject give (ingest/subject_roles.py),
a group's posts, the groups set up and rosters (ingest/group_posts.py), duty lists and
divisions of work by heading (ingest/duties.py), the compiled rules
(ingest/assignment_rules.py), the fixed clause shapes it matches
(ingest/assignment_patterns.py), the cues of a role beyond a subject's words — supporters
after a lead, joint campaigns, the document's first-leads rule (ingest/role_cues.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from policykg.ingest.assignment_patterns import (
    ADDRESSEES,
    ARTICLE,
    AS_THE_LEAD,
    ATTENDS,
    CLAUSE,
    COMPOSED,
    CONTACT_LABEL,
    CONVENES,
    COUNTED_BODIES,
    DOES,
    DUTY_OPENS,
    FOUNDS,
    INSTRUCTED_SUBJECT,
    ITS_MEETING,
    JOINS,
    JOINT_ISSUE,
    MODIFIER,
    REPORTS_AT_MEETING,
    RUN_ON,
    SLOGAN,
    TEAM_OF,
    WILL,
    WITH_THE_LEAD,
)
from policykg.ingest.assignment_rules import assignment_rules
from policykg.ingest.bodies import body_at, is_generic, opens_with_verb
from policykg.ingest.body_forms import Body
from policykg.ingest.body_lists import (
    MEMBERS_END,
    NAME_AFTER_POST,
    PERSON,
    SELF,
    body_list,
    dedupe,
    joined_clause,
    mentions_of,
    with_delegate,
)
from policykg.ingest.duties import (
    assigned_to,
    duty_chain,
    group_duties,
    overall_responsibility,
    sibling_unit,
)
from policykg.ingest.group_posts import bodies_set_up, by_agent, held_posts, posts_filled
from policykg.ingest.memo import memoized_at_zero
from policykg.ingest.responsibility import Mention
from policykg.ingest.role_cues import drafts_or_issues, joint_campaign, supporters_after_lead
from policykg.ingest.subject_roles import JOINTLY, MANNER_ONLY, explicit_role, role_after
from policykg.ingest.text_target_rules import SENTENCE, deducts


def addressees_end(text: str) -> int:
    """Where the addressee list that opens `text` ends (0: none)."""
    m = ADDRESSEES.match(text)
    if m is None or assignment_rules()["duty_rx"].match(text, m.end()):
        return 0  # A：负责…: a duty list's entry, not an addressee
    return m.end()


@memoized_at_zero()  # pure, offsets only added: asked again by measures, splits, preamble
def find_assignments(text: str, offset: int = 0) -> list[Mention]:
    """Mentions of bodies given a task by the running text of a passage, with roles."""
    rules = assignment_rules()
    out: list[Mention] = []
    subject: list[Mention] = []  # the last subject of the sentence, for a clause without one
    agent: list[Mention] = []  # the sentence's own actor (not a body it instructs), for 联合
    instructed = False  # the last subject is a body the sentence instructs (要求B…)
    # a slogan in quotes (落实“地方政府负总责，监管部门各负其责”的责任体系) names a principle,
    # not a task of this text; a quoted speech (“…。”某某说) is read
    slogans = [(m.start(), m.end()) for m in SLOGAN.finditer(text)]
    # (finditer's matches do not overlap and come in order: only the last slogan opening
    # before a clause can hold its start; one bisect instead of a scan per clause)
    slogan_starts = [s for s, _ in slogans]
    pending: list[tuple[Body, str]] = []  # a clause of bodies alone, the subject going on
    filled: set[int] = set()  # where a post's list names its bodies (成员：A、B… past a colon)
    convener: list[tuple[Body, str]] = []  # A召开会议，…，将…: the body that met, for 将/要
    addressed = addressees_end(text)
    duties = group_duties(text, offset)  # a duty list's bodies (A：负责…), the subject of its lines
    # a scoring table's criteria (…未出台…的，扣2分; 每年研究少于2次，每少1次扣1分): the
    # conditions of a deduction give no body a task
    criteria = (
        [(m.start(), m.end()) for m in SENTENCE.finditer(text) if deducts(m.group())]
        if "扣" in text or "不得分" in text
        else []
    )
    for c in CLAUSE.finditer(text):
        a, b = c.start(), c.end()
        if a < addressed:
            continue  # 各区人民政府，市政府各委、办、局：…: the notice's addressees take no task
        if any(s <= a < e for s, e in criteria):
            continue
        if a and text[a - 1] in "：:" and CONTACT_LABEL.search(text, max(0, a - 20), a):
            continue  # 联系单位：A 电话…: where to call, no task
        carried, pending = pending, []
        if (i := bisect_left(slogan_starts, a)) and a < slogans[i - 1][1]:
            continue  # inside a slogan: slogans[i - 1] opens before a, ends after it
        clause = text[a:b]
        if a and text[a - 1] in "。！？!?\n":
            subject, convener, agent = [], [], []
        if offset + a + len(clause) - len(clause.lstrip()) in filled:
            continue  # the list a post opened goes on in this clause: no subject of a task
        posted = posts_filled(text, a, b, offset)
        opens = a + len(clause) - len(clause.lstrip())
        if posted:
            out += posted
            filled.update(m.start for m in posted)
            if not INSTRUCTED_SUBJECT.match(text, opens, b):
                continue
            # (各地要建立以A牵头…的机制: the subject told to set it up has its task too)
        pos = opens
        # (…名单：甲县 乙县 各地要…: a list run on into the next sentence's subject)
        run_on = RUN_ON.match(text, pos, b) if body_at(text, pos) is None else None
        if run_on and body_at(text, run_on.end()) is not None:
            pos = opens = run_on.end()
        if article := ARTICLE.match(text, pos):  # 第二十条 A应当…: the article's number
            pos = article.end()
        modifier = MODIFIER.match(text, pos) if body_at(text, pos) is None else None
        if modifier and body_at(text, modifier.end()):  # 接到报告的A应当…: A is the subject
            pos = modifier.end()
        if (day := rules["news_day_rx"].match(text, pos)) and body_at(text, pos) is None:
            pos = day.end() if body_at(text, day.end()) else pos  # 后期A将联合B…: A's clause
        if joined := joined_clause(text, pos, b, offset):
            # A今年将强化…，会同B建立…: the sentence's subject leads, B supports; without a
            # subject (三是…。联合公安、卫健等部门开展…) the text's own body leads, unnamed —
            # but only named bodies are told apart so: a subjectless clause joining generic
            # ones (…，联合相关部门对…进行督查) names no body of its own
            # (in a duty list, A：负责…；会同有关部门…, the list's body is the subject, also
            # where its duty opens a passage of its own)
            # (A制定…，要求B…；同时，联合C…: past the semicolon A acts again, not B; A制定…；
            # 同时，联合C…: A, no task of its own before, still the one who joins C)
            leads = (
                agent
                if agent and (not subject or instructed and _after_semicolon(text, a))
                else subject
            )
            if (
                leads
                or duties
                or DUTY_OPENS.match(text)
                or not all(is_generic(m.text) for m in joined)
            ):
                out += [Mention(m.text, "lead", m.start, m.end) for m in leads] + joined
            continue
        composed = COMPOSED.match(text, pos) if body_at(text, pos) is None else None
        if composed:
            pos = composed.end()  # 会议调整组建了由A任主任的…: the bodies of the posts
        if body_at(text, pos) is None and (person := PERSON.match(text, pos)):
            # 分管副市长某某、市政府秘书长某某为副组长: a person of no body named first
            after = NAME_AFTER_POST.match(text, person.end())
            nxt = after.end() if after else person.end()
            if text.startswith("、", nxt) and body_at(text, nxt + 1) is not None:
                pos = nxt + 1
        if body_at(text, pos) is None and (lead := rules["title_lead_rx"].match(text, pos)):
            pos = lead.end() if body_at(text, lead.end()) else pos
        if body_at(text, pos) is None and (due := rules["deadline_lead_rx"].match(text, pos)):
            pos = due.end() if body_at(text, due.end()) else pos  # 6月底前各区报送…
        if body_at(text, pos) is None and (day := rules["news_day_rx"].match(text, pos)):
            pos = day.end() if body_at(text, day.end()) else pos  # 1月28日区发改局联合…
        topic = rules["topic_by_rx"].match(text, pos) if body_at(text, pos) is None else None
        if topic and not topic.group().endswith(tuple(rules["event_words"])):
            pos = topic.end()  # 此次专项治理由A牵头…: the topic before 由 and its agent (no event)
        opener = (  # one startswith(tuple) first: most clauses open with no opener
            next((w for w in rules["openers"] if text.startswith(w, pos)), None)
            if text.startswith(rules["openers"], pos)
            else None
        )
        if opener is None and (cited := rules["cited_instructs_rx"].match(text, pos)):
            pos, opener = cited.end(), "要求"  # 《通知》要求各地…: the policy instructs
        elif opener and body_at(text, pos) is None:
            pos += len(opener)
        found, end = body_list(text, pos)
        if found and opener is None:
            agent = [Mention(x.text, "lead", offset + x.start, offset + x.end) for x, _ in found]
        bare = rules["bare_unit_rx"].match(text, pos) if not found else None
        if bare and not opens_with_verb(text, pos):  # (督促…办牵头: no unit of that name)
            found, end = [(Body(pos, bare.end(), bare.group(), False), "responsible")], bare.end()
        if not found and carried and rules["aside_rx"].match(clause):
            pending = carried  # A，加挂B牌子，主要职责是…: the subject goes on past the aside
            continue
        sibling = sibling_unit(text, pos, subject) if not found else None
        if sibling:
            # 市局甲处负责…，乙处负责…，丙支队负责…: the body's other units, each its duty
            out.append(
                Mention(sibling.group(), "responsible", offset + pos, offset + sibling.end())
            )
            subject = [out[-1]]
            continue
        if not found and carried and len(carried) > 1 and JOINTLY.match(text, pos):
            out += mentions_of(carried, "lead", offset)  # A、B等多部门，联合开展…: each leads
            continue
        if not found and carried and (role := explicit_role(text[pos:b])):
            out += mentions_of(carried, role, offset)  # A，…，主要职责是承担…
            continue
        if (
            not found
            and subject
            and (
                any(rx.match(text[pos:b]) for rx in rules["lead_rx"])
                or rules["own_head_group_rx"].match(text, opens)
            )
        ):
            # A筛选了…，依据…，牵头组织…: the sentence's subject leads the clause's work
            out += [Mention(m.text, "lead", m.start, m.end) for m in subject]
            continue
        if not found and convener and WILL.match(text, pos):
            # A召开工作会议，总结…，将围绕…加强…: a meeting's news lead; what the sentence
            # says it will do is the convener's commitment
            out += mentions_of(convener, "responsible", offset)
            convener = []
            continue
        if not found and (own := SELF.match(text, pos)) and WILL.match(text, own.end()):
            # 我局将…: the text's own body (or the one whose statement it reports) commits
            out.append(Mention(own.group(), "responsible", offset + pos, offset + own.end()))
            continue
        if not found and (own := SELF.match(text, pos)) and text.startswith("与", own.end()):
            partner = body_at(text, own.end() + 1)
            if partner is not None and text.startswith("联合", partner.end):
                # 我局与省公安厅联合起草了…: the text's own body and its partner, each leads
                out.append(Mention(own.group(), "lead", offset + pos, offset + own.end()))
                out += mentions_of([(partner, "lead")], "lead", offset)
                continue
        if not found:
            continue
        if composed and MEMBERS_END.match(text, end):
            continue  # 成立由A、B等部门组成的检查组: members (read by by_agent), no task
        if opener == "由" and TEAM_OF.match(text, end):
            continue  # 由A、B等部门相关领导组成的考核组听取汇报: a team's make-up, no task
        if (held := held_posts(text, pos, end, b)) is not None:
            found, end = held  # A副秘书长某某、B局长某某担任副主任: each person's body
        if cited := rules["cited_instructs_rx"].match(text, end):  # A《…》要求B: B instructed
            found, end = body_list(text, cited.end())
            opener = "要求"
            if not found:
                continue
        if opener == "由":  # 由A委托B组织实施: A keeps the task it hands B, both take it
            found, end = with_delegate(text, found, end)
        if ins := rules["instructs_rx"].match(text, end):  # the instructor takes no task
            found, end = body_list(text, ins.end())
            opener = "要求"
            if not found:
                continue
        rest = text[end:b]
        if rest.lstrip().startswith("《"):
            continue  # 根据…，省局《某办法》等有关要求: the body's text cited, no task of its own
        # (a list's manner before its act: A、B以“双随机”的方式，联合开展…)
        manner = (
            len(carried + found) > 1
            and MANNER_ONLY.fullmatch(rest.strip())
            and JOINTLY.match(text[b:].lstrip("，, "))
        )
        if (rest.strip() in ("，", ",") or manner) and all(r != "lead" for _, r in found):
            pending = carried + found  # A、B，C等单位承担…: a subject list over a comma
            continue
        if rest.strip() in ("，", ",") and any(r == "lead" for _, r in found):
            rest = "…"  # A将会同B，加强…: the task is in the clauses that follow
        if rest.startswith(("：", ":")) and len(rest) == 1:
            # A：负责… (a duty list): the duty follows the colon; an addressee line
            # (各区人民政府，有关单位：) is followed by the notice's text, not a duty
            duty = assignment_rules()["duty_rx"].match(text, b)
            role = "responsible" if duty else None
        elif rules["launches_rx"].match(text, end):
            role = "responsible"  # A印发《…方案》，从即日起开展…: the issuer runs the campaign
        else:
            role = role_after(rest)
        if role is None and any(r == "lead" for _, r in found) and drafts_or_issues(rest):
            role = "responsible"  # A会同B印发了…: the role word gives the roles
        if role is None and (said := rules["speaks_rx"].match(text, end)):
            commits = rules["speaks_commits_rx"].match(text, said.end())
            role = "responsible" if commits else None
            if commits and role_after(text[commits.end() :]) == "support":
                role = "support"  # A表示，将积极配合B…: the body's own support
            # (A表示，下一步将联合B、C…: the body leads what it will do with the others)
            if commits and (joins := JOINS.match(text, commits.end())):
                partners, _ = body_list(text, joins.end())
                if partners:
                    role = "lead"
                    out += mentions_of(partners, "support", offset)
        if rules["drafted_rx"].match(rest) and all(r != "lead" for _, r in found):
            role = None  # A、B制定了《…》: drafting without a role word
        if opener in ("请", "并请", "同时请", "另请") and rules["closing_rx"].match(text, end):
            role = None  # 现印发给你们，请各地认真贯彻执行。: the notice's closing formula
        sets_up = re.sub(r"^\s*(?:决定|研究决定)", "", rest).startswith(
            tuple(rules["set_up_verbs"])
        )
        if sets_up and rules["own_head_group_rx"].match(rest.lstrip()):
            role = "lead"  # A成立由局长任组长的小组: headed by A's own head
        elif sets_up and opener not in rules["instructing_openers"]:
            role = None  # A成立B: a structure stated; B's duty is read by bodies_set_up
        if ATTENDS.match(rest) or ITS_MEETING.match(rest):
            role = None  # A有关负责同志参加会议: attending an event is no task (the rule book)
        if REPORTS_AT_MEETING.match(rest) and _AT_MEETING.search(text, max(0, a - 4), a + 4):
            role = None  # 会上，A、B分别汇报了…: reports given at a meeting, an event
        # (A等26个部门联合…: one body named, the others counted, several all the same)
        several = len(carried + found) > 1 or "等" in text[(carried + found)[-1][0].end : end]
        last = (carried + found)[-1][0]
        several = several or bool(COUNTED_BODIES.search(text[last.start : last.end]))
        if role == "members" and "等" not in text[last.end : end]:
            role = "responsible"  # A与B组成…专班: how two bodies work, not a list's members
        if role is None and several and JOINT_ISSUE.match(rest):
            role = "responsible"  # A、B等部门联合印发…方案: they issue it together, each leads
        if role is None:
            if CONVENES.match(text, end) or FOUNDS.match(rest):
                # (A、B成立了联合工作组，将…: what the founders will do is their commitment)
                convener = carried + found
            continue
        listed = all(r == "responsible" for _, r in carried + found)  # no 会同/联合 inside
        if listed and any(m.role == "lead" for m in subject) and WITH_THE_LEAD.match(rest):
            # 由A牵头，B、C等单位联合对…开展…: the sentence named its lead, the others join it
            # (…，四部门联合开展…: the bodies counted back to, already named)
            joining = [f for f in carried + found if not COUNTED_BODIES.search(f[0].text)]
            out += mentions_of(joining, "support", offset)
            continue
        # (A会同B、C联合开展…: 会同 gave the roles; 联合 after it adds none)
        jointly = JOINTLY.match(rest) or JOINT_ISSUE.match(rest)
        if several and listed and (jointly or joint_campaign(text, end, role)):
            # A、B、C联合开展…: every body before the role word leads, as before 会同 (the rule
            # book's 「A、B会C」); 联合 with an object body (A联合B…) is read by body_list
            found = [(b, "lead") for b, _ in carried + found]
            carried = []
        if (
            role == "responsible"
            and all(r == "responsible" for _, r in carried + found)
            and AS_THE_LEAD.search(text, max(0, a - 12), a)
        ):
            found = [(b, "lead") for b, _ in carried + found]  # 作为牵头单位，A将…: A leads
            carried = []
        subject = mentions_of(carried + found, role, offset)
        instructed = opener in rules["instructing_openers"]
        out += subject + supporters_after_lead(text, end, b, role, offset)
        if role == "responsible":
            out += duty_chain(text, end, b, offset)
        if role == "support" and not instructed and (helps := _helps_whom(text, end)):
            # A还将配合B做好…: the body helped does the work (要求A配合省局开展…: the
            # instruction's own author, not a task the sentence gives it)
            helped, past = body_list(text, helps)
            if helped and DOES.match(text, past):
                out += mentions_of(helped, "responsible", offset)
    overall = overall_responsibility(text, offset, slogans)
    assigned = assigned_to(text, offset)
    return dedupe(
        out + bodies_set_up(text, offset) + by_agent(text, offset) + duties + overall + assigned
    )


_AT_MEETING = re.compile(r"会上|会议上|座谈会上")


def _after_semicolon(text: str, at: int) -> bool:
    """The clause at `at` follows a ； (同时 or another opener between)."""
    return bool(
        re.search(r"[；;]\s*(?:同时|此外|另外|并|还)?[，,]?\s*$", text[max(0, at - 8) : at])
    )


def _helps_whom(text: str, end: int) -> int | None:
    """Where the body a subject helps is named (A还将配合B做好…: after 配合), read with the
    support rule that gave the subject its role (data/patterns/departments.yaml `support`)."""
    rest = text[end:]
    lead = len(rest) - len(rest.lstrip())
    for rx in assignment_rules()["support_rx"]:
        if (m := rx.match(rest.lstrip())) and m.group().endswith(("配合", "协助")):
            return end + lead + m.end()
    return None
