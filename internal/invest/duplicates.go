package invest

import "strings"

// Duplicate is a project reported by one place that the ledger may
// already hold from another: the same 项目编号 under another county, or
// the same investor (投资方代码) with a similar name. The province settles
// it: the project is credited to its location, the other place gets
// referrer credit.
type Duplicate struct {
	Incoming, Existing string // 项目编号
	SameID             bool   // the same 项目编号; else same investor, similar name
	Similarity         float64
}

// SimilarName is how alike two project names must be (Dice coefficient of
// their character bigrams, after dropping the demo mark and the generic
// words) to be taken for the same project of the same investor.
const SimilarName = 0.6

// FindDuplicates returns, for each incoming original project, the
// projects of the ledger located in another county that it may duplicate.
func FindDuplicates(ledger, incoming []Project) []Duplicate {
	byCode := map[string][]int{}
	byID := map[string]int{}
	for i := range ledger {
		p := &ledger[i]
		byID[p.ID] = i
		if p.InvestorCode != "" && !p.IsIncrease() {
			byCode[p.InvestorCode] = append(byCode[p.InvestorCode], i)
		}
	}
	var out []Duplicate
	for k := range incoming {
		in := &incoming[k]
		if in.IsIncrease() {
			continue
		}
		if i, ok := byID[in.ID]; ok && ledger[i].County != in.County {
			out = append(out, Duplicate{Incoming: in.ID, Existing: in.ID, SameID: true, Similarity: 1})
			continue
		}
		if in.InvestorCode == "" {
			continue
		}
		for _, i := range byCode[in.InvestorCode] {
			p := &ledger[i]
			if p.County == in.County || p.ID == in.ID {
				continue
			}
			if s := nameSimilarity(p.Name, in.Name); s >= SimilarName {
				out = append(out, Duplicate{Incoming: in.ID, Existing: p.ID, Similarity: s})
			}
		}
	}
	return out
}

// nameSimilarity is the Dice coefficient of the character bigrams of two
// project names without the words every name has.
func nameSimilarity(a, b string) float64 {
	norm := func(s string) []rune {
		for _, w := range []string{"（示例）", "项目", "一期", "二期", "建设", "年产"} {
			s = strings.ReplaceAll(s, w, "")
		}
		return []rune(strings.TrimSpace(s))
	}
	ra, rb := norm(a), norm(b)
	if len(ra) < 2 || len(rb) < 2 {
		if string(ra) == string(rb) && len(ra) > 0 {
			return 1
		}
		return 0
	}
	grams := map[string]int{}
	for i := 0; i+1 < len(ra); i++ {
		grams[string(ra[i:i+2])]++
	}
	common := 0
	for i := 0; i+1 < len(rb); i++ {
		g := string(rb[i : i+2])
		if grams[g] > 0 {
			grams[g]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(ra)-1+len(rb)-1)
}
