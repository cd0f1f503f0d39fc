"""Propose a plan: groupings that meet the rule set's verdicts, with proofs where they can be had.

    from core.propose import ProposalRequest, propose
    proposal = propose(dataset, rules, ProposalRequest(goal="fewest-changes"))
    scenario = proposal.to_scenario(dataset, "Đề xuất")

No Qt; uses core.law's own verdicts (``core.law.verdict.judge``, ``evaluate_unit``).
"""
from core.propose.columns import FEWEST, GOALS, MOST, TARGET
from core.propose.mip import FEASIBLE, INFEASIBLE, OPTIMAL
from core.propose.proposal import PieceReport, Proposal, ProposedGroup, propose
from core.propose.request import ProposalRequest, RequestError

__all__ = ["FEASIBLE", "FEWEST", "GOALS", "INFEASIBLE", "MOST", "OPTIMAL", "TARGET", "PieceReport",
           "Proposal", "ProposalRequest", "ProposedGroup", "RequestError", "propose"]
