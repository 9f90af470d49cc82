package monitor

// TypeRanks ranks each row within its unit's county type for its
// indicator, in the order of the rows' growth ranks (Rank, which the
// caller may have turned for indicators that should fall): 1 + the rows of
// the same indicator and type with a strictly better rank, so that ties
// share the smallest rank (1, 2, 2, 4). A row without a growth rank, or of
// a unit without a type, gets 0. Of is the number of ranked rows of each
// row's type and indicator (0 where the rank is 0), for "2 / 13".
func TypeRanks(rows []Row, typeOf map[string]string) (rank, of []int) {
	type key struct{ typ, ind string }
	ranks := map[key][]int{}
	for _, r := range rows {
		if t := typeOf[r.Unit]; t != "" && r.Rank > 0 {
			k := key{t, r.Indicator}
			ranks[k] = append(ranks[k], r.Rank)
		}
	}
	rank, of = make([]int, len(rows)), make([]int, len(rows))
	for i, r := range rows {
		t := typeOf[r.Unit]
		if t == "" || r.Rank <= 0 {
			continue
		}
		peers := ranks[key{t, r.Indicator}]
		better := 0
		for _, x := range peers {
			if x < r.Rank {
				better++
			}
		}
		rank[i], of[i] = better+1, len(peers)
	}
	return rank, of
}
