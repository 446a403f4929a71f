package io.posunbind.facts;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The case as a whole: why the merchant asks, on which date it is judged and which documents came with it.
 * The other parts of the request (merchant, terminal, contract, account, data wipe, new provider) are facts of
 * their own.
 *
 * @param caseId    the calling system's reference, or null
 * @param asOf      the evaluation date; rules never read the clock
 * @param reason    why the merchant asks to unbind
 * @param documents the documents provided, each once
 */
public record UnbindCase(String caseId, LocalDate asOf, Reason reason, Set<DocumentType> documents) {
    public UnbindCase {
        // An EnumSet iterates in declaration order on every JVM, unlike Set.copyOf, so a rule that walks the
        // set fires in the same order on replay.
        EnumSet<DocumentType> copy = EnumSet.noneOf(DocumentType.class);
        copy.addAll(documents);
        documents = Collections.unmodifiableSet(copy);
    }

}
