package invest

// ResolveIncreases fills what a capital increase leaves empty from its
// original project: location (所在地代码, 所在园区代码) and investor (投资方,
// 投资方代码, 投资方所在地). An increase's own non-empty values stand.
// index maps 项目编号 to position; increases whose original is unknown are
// left alone (the readers report them).
func ResolveIncreases(ps []Project, index map[string]int) {
	for i := range ps {
		p := &ps[i]
		if !p.IsIncrease() {
			continue
		}
		j, ok := index[p.IncreaseOf]
		if !ok {
			continue
		}
		o := &ps[j]
		fill := func(dst *string, src string) {
			if *dst == "" {
				*dst = src
			}
		}
		fill(&p.County, o.County)
		fill(&p.Zone, o.Zone)
		fill(&p.Investor, o.Investor)
		fill(&p.InvestorCode, o.InvestorCode)
		fill(&p.InvestorLoc, o.InvestorLoc)
	}
}
