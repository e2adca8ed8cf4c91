package org.christchurchcall.hashmatch.label;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The label taxonomy, read once: it changes only through migrations, which come with a restart.
 */
@ApplicationScoped
public class LabelTaxonomy {

    private volatile Map<String, Label> labels;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Label> all() {
        Map<String, Label> l = labels;
        if (l == null) {
            List<Label> rows = Label.listAll();
            l = rows.stream().collect(Collectors.toUnmodifiableMap(x -> x.code, Function.identity()));
            labels = l;
        }
        return l;
    }

    /** The codes that are not in the taxonomy, sorted. */
    public List<String> unknown(Collection<String> codes) {
        Map<String, Label> known = all();
        return codes.stream().filter(c -> c == null || !known.containsKey(c)).map(String::valueOf)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }
}
