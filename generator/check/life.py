"""Checks on an SOP's life records that the model alone cannot express.

A monitoring result names its point by number, so the number must exist (the monitoring
points, or the steps when the SOP lists none); an evaluation names each criterion once;
a withdrawn SOP's replacement is another SOP of the site.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.source.errors import SopError, did_you_mean
from generator.source.load import SourceDocument
from generator.source.model import Sop


def point_count(sop: Sop) -> int:
    """How many rows the monitoring form has: the points, or the steps when none are listed."""
    return len(sop.monitoring_points) or len(sop.steps)


def check_life(doc: SourceDocument, sop: Sop) -> Iterable[SopError]:
    """Point numbers that exist, each point and criterion at most once per entry."""
    count = point_count(sop)
    for i, monitoring in enumerate(sop.monitorings):
        seen: set[int] = set()
        for j, result in enumerate(monitoring.results):
            where = ("monitorings", i, "results", j, "point")
            if result.point > count:
                yield doc.error(where, f"no monitoring point {result.point}: this SOP has "
                                       f"{count} (its monitoring_points, else its steps)")
            elif result.point in seen:
                yield doc.error(where, f"point {result.point} is assessed twice")
            seen.add(result.point)
    for i, evaluation in enumerate(sop.evaluations):
        criteria = [result.criterion for result in evaluation.results]
        for j, criterion in enumerate(criteria):
            if criterion in criteria[:j]:
                yield doc.error(("evaluations", i, "results", j, "criterion"),
                                f"criterion '{criterion.value}' is assessed twice")


def check_replacement(doc: SourceDocument, sop: Sop, sop_id: str, ids: list[str]
                      ) -> list[SopError]:
    """A withdrawn SOP's ``replaced_by`` names another SOP of this site."""
    target = sop.withdrawal.replaced_by if sop.withdrawal else None
    where = ("withdrawal", "replaced_by")
    if target is None:
        return []
    if target == sop_id:
        return [doc.error(where, "an SOP cannot replace itself")]
    if target not in ids:
        return [doc.error(where, f"no SOP has the id '{target}'{did_you_mean(target, ids)}")]
    return []
