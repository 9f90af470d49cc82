package store

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// The ledger's search index (invest_search_grams, migration 0023): the
// distinct trigrams (three characters) of each current project's search
// text (searchText, then two unit separators, so that every character
// starts one), kept by the imports and settlements that change projects.
// A search of three characters or more reads the projects holding its
// rarest trigram, one of one or two characters those holding a trigram
// that starts with it (a range of the index, byte order being character
// order in UTF-8); both then verify the substring itself with instr, so
// that the index only narrows what the scan of every project did. The same
// SQL on both databases, where pg_trgm would be PostgreSQL's alone.

// gramSep is the unit separator that joins the fields of the search text
// and pads its end; no trigram starts with it.
const gramSep = '\x1f'

// searchGrams returns the distinct trigrams of a search text, sorted:
// substrings of one padded copy of it.
func searchGrams(text string) []string {
	padded := text + string(gramSep) + string(gramSep)
	starts := make([]int, 0, len(padded)+1)
	for i := range padded {
		starts = append(starts, i)
	}
	starts = append(starts, len(padded))
	grams := make([]string, 0, len(starts))
	for i := 0; i+3 < len(starts); i++ {
		if padded[starts[i]] != gramSep {
			grams = append(grams, padded[starts[i]:starts[i+3]])
		}
	}
	slices.Sort(grams)
	return slices.Compact(grams)
}

// gramKey is what the index is asked for one part of a query: the trigram
// itself (to = ""), or the trigrams from..to (to excluded; to = "\xff" for
// no end) that start with a query's one or two characters.
type gramKey struct{ from, to string }

// queryGramKeys returns the keys every project whose search text holds q
// (ASCII-lowered) has each of; nil when the index cannot answer (a query
// holding the separator or no valid character).
func queryGramKeys(q string) []gramKey {
	if q == "" || !utf8.ValidString(q) || strings.ContainsRune(q, gramSep) {
		return nil
	}
	rs := []rune(q)
	if len(rs) < 3 {
		return []gramKey{{q, successor(q)}}
	}
	var keys []gramKey
	for i := 0; i+3 <= len(rs); i++ {
		if k := (gramKey{from: string(rs[i : i+3])}); !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// successor returns the least string after every string starting with s in
// byte order: s with its last character the next one ("\xff", past every
// valid string, after the last character of all).
func successor(s string) string {
	r, n := utf8.DecodeLastRuneInString(s)
	switch {
	case r == utf8.MaxRune:
		return "\xff"
	case r == 0xD7FF: // the surrogates are not characters
		r = 0xE000
	default:
		r++
	}
	return s[:len(s)-n] + string(r)
}

// cond returns the condition on invest_search_grams g of k, its values
// appended by arg.
func (k gramKey) cond(arg func(any) string) string {
	switch {
	case k.to == "":
		return "g.gram = " + arg(k.from)
	case k.to == "\xff":
		return "g.gram >= " + arg(k.from)
	default:
		return "g.gram >= " + arg(k.from) + " AND g.gram < " + arg(k.to)
	}
}

// searchCandidates bounds the projects a search reads through the index:
// when even the query's rarest key is held by more, the scan of every
// project's search text is as fast. A variable for the tests.
var searchCandidates = 5000

// searchCondition returns the condition on invest_projects p that selects
// the projects whose search text holds q, using the index when one of q's
// keys narrows the projects to at most searchCandidates; args are appended
// by arg.
func (t *txn) searchCondition(q string, arg func(any) string) (string, error) {
	verify := "instr(p.search, " + arg(q) + ") > 0"
	best, bestN := -1, searchCandidates+1
	keys := queryGramKeys(q)
	for i, k := range keys {
		var kargs []any
		karg := func(v any) string {
			kargs = append(kargs, v)
			return fmt.Sprintf("$%d", len(kargs))
		}
		var n int
		if err := t.QueryRow(`SELECT COUNT(*) FROM (SELECT 1 FROM invest_search_grams g WHERE `+k.cond(karg)+
			fmt.Sprintf(` LIMIT %d) x`, searchCandidates+1), kargs...).Scan(&n); err != nil {
			return "", err
		}
		if n < bestN {
			best, bestN = i, n
		}
		if n == 0 {
			break
		}
	}
	if best < 0 {
		return verify, nil
	}
	return "p.project_id IN (SELECT g.project_id FROM invest_search_grams g WHERE " + keys[best].cond(arg) + ") AND " + verify, nil
}

// indexSearch replaces the trigrams of the projects recorded by revision
// rev with those of texts, their current search texts by 项目编号 (rev 0:
// fills the empty index of every current project). The old versions'
// trigrams are deleted only when rev replaced any (a scan of the index,
// which has no other order than its trigrams').
func (t *txn) indexSearch(rev int64, texts map[string]string) error {
	if rev > 0 {
		var replaced int
		if err := t.QueryRow(`SELECT COUNT(*) FROM (SELECT 1 FROM invest_projects WHERE superseded_by = $1 LIMIT 1) x`, rev).Scan(&replaced); err != nil {
			return err
		}
		if replaced > 0 {
			if _, err := t.Exec(`DELETE FROM invest_search_grams WHERE project_id IN (
				SELECT project_id FROM invest_projects WHERE superseded_by = $1)`, rev); err != nil {
				return err
			}
		}
	}
	type row struct{ gram, id string }
	var rows []row
	for id, text := range texts {
		for _, g := range searchGrams(text) {
			rows = append(rows, row{g, id})
		}
	}
	// In the index's order: each insert goes next to the one before.
	slices.SortFunc(rows, func(a, b row) int {
		return cmp.Or(strings.Compare(a.gram, b.gram), strings.Compare(a.id, b.id))
	})
	if len(rows) == 0 {
		return nil
	}
	return t.insertBatch("invest_search_grams", []string{"gram", "project_id"}, len(rows), func(i int, dst []any) []any {
		return append(dst, rows[i].gram, rows[i].id)
	})
}

// unindexSearch removes the trigrams of a project no longer current.
func (t *txn) unindexSearch(id string) error {
	_, err := t.Exec(`DELETE FROM invest_search_grams WHERE project_id = $1`, id)
	return err
}

// rebuildSearchIndex fills the search index of every current project, after
// a restore (the index is derived, not in backups).
func (t *txn) rebuildSearchIndex() error {
	if _, err := t.Exec(`DELETE FROM invest_search_grams`); err != nil {
		return err
	}
	rows, err := t.QueryContext(t.ctx, `SELECT project_id, search FROM invest_projects WHERE superseded_by IS NULL`)
	if err != nil {
		return err
	}
	defer rows.Close()
	texts := map[string]string{}
	for rows.Next() {
		var id, text string
		if err := rows.Scan(&id, &text); err != nil {
			return err
		}
		texts[id] = text
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	return t.indexSearch(0, texts)
}
