package io.posunbind.engine;

import java.util.ArrayList;
import java.util.List;

import io.posunbind.facts.Account;
import io.posunbind.facts.Commitment;
import io.posunbind.facts.Contract;
import io.posunbind.facts.DataWipe;
import io.posunbind.facts.Merchant;
import io.posunbind.facts.NewProvider;
import io.posunbind.facts.Terminal;
import io.posunbind.facts.UnbindCase;

/** A validated request as the rules see it. {@code newProvider} is null when the request names none. */
public record CaseFacts(UnbindCase unbindCase, Merchant merchant, Terminal terminal, Contract contract,
                        Account account, DataWipe dataWipe, NewProvider newProvider) {

    /** The facts to insert, including the commitment derived from the contract and asOf. */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>(8);
        facts.add(unbindCase);
        facts.add(merchant);
        facts.add(terminal);
        facts.add(contract);
        facts.add(Commitment.of(contract, unbindCase.asOf()));
        facts.add(account);
        facts.add(dataWipe);
        if (newProvider != null) {
            facts.add(newProvider);
        }
        return facts;
    }
}
