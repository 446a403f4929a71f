package io.posunbind.facts;

/**
 * A part of the estimated duration in business days; the answer adds all parts up. No part at all means no
 * estimate (a rejected case).
 *
 * @param min fewest business days this part adds
 * @param max most business days this part adds
 */
public record BusinessDays(int min, int max) {
}
