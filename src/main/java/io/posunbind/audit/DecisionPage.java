package io.posunbind.audit;

import java.util.List;

/**
 * One page of the decision list, newest first.
 *
 * @param items      the decisions on this page
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record DecisionPage(List<DecisionSummary> items, String nextCursor) {
}
