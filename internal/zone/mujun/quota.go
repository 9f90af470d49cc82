package mujun

import (
	"math"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// shareEps absorbs the binary error of share × n (0.2 × 15 is
// 3.0000000000000004) before rounding.
const shareEps = 1e-9

// applyQuotas moves graded enterprises (indices into res, in rank order)
// between classes so that the quotas hold, n being the number graded.
//
// First the ceilings, best class first: a class with max_share keeps at
// most floor(max_share × n) enterprises, counting those fixed there by an
// override; the lowest-ranked of the others fall to the next class (where
// that class's ceiling then applies). When the cut falls between equal
// scores, every enterprise with the score at the cut falls: a ceiling is
// never exceeded, so the class may hold fewer than its quota.
//
// Then the floors, worst class first: a class with min_share must hold at
// least ceil(min_share × n); when it holds fewer, the lowest-ranked
// enterprises of better classes (not fixed) are moved down into it. When
// the cut falls between equal scores, every enterprise with the score at
// the cut moves: a floor is always reached, so the class may hold more
// than its quota. Floors come after ceilings and win over them.
//
// The reason of a move says "tied at the cut" for every enterprise that
// shares the score at the cut when the tie changed the count.
//
// Fixed enterprises (overrides) count in their class but never move.
func applyQuotas(res []Result, graded []int, s *Scheme) {
	n := len(graded)
	class := map[string]int{}
	for k, c := range s.Classes {
		class[c.Name] = k
	}
	for k, c := range s.Classes {
		if c.MaxShare == nil || k == len(s.Classes)-1 {
			continue
		}
		limit := int(math.Floor(*c.MaxShare*float64(n) + shareEps))
		var movable []int // rank order
		held := 0
		for _, i := range graded {
			if res[i].Class != c.Name {
				continue
			}
			held++
			if !res[i].Fixed {
				movable = append(movable, i)
			}
		}
		if held <= limit {
			continue
		}
		base := max(limit-(held-len(movable)), 0)
		keep := base
		// Units tied with the first to go go too.
		for keep > 0 && res[movable[keep-1]].Score == res[movable[keep]].Score {
			keep--
		}
		next := s.Classes[k+1].Name
		for _, i := range movable[keep:] {
			key := "mujun.r.ceiling"
			if keep < base && res[i].Score == res[movable[keep]].Score {
				key = "mujun.r.ceilingtie"
			}
			res[i].Class = next
			res[i].Reasons = append(res[i].Reasons, locale.M(key, c.Name, limit, share(*c.MaxShare), n, next))
		}
	}
	for k := len(s.Classes) - 1; k > 0; k-- {
		c := s.Classes[k]
		if c.MinShare == nil {
			continue
		}
		need := int(math.Ceil(*c.MinShare*float64(n) - shareEps))
		held := 0
		var better []int // reverse rank order: the lowest first
		for j := len(graded) - 1; j >= 0; j-- {
			i := graded[j]
			switch ci := class[res[i].Class]; {
			case ci == k:
				held++
			case ci < k && !res[i].Fixed:
				better = append(better, i)
			}
		}
		if held >= need || len(better) == 0 {
			continue
		}
		take := min(need-held, len(better))
		for take < len(better) && res[better[take-1]].Score == res[better[take]].Score {
			take++
		}
		cut := res[better[need-held-1]].Score
		for _, i := range better[:take] {
			key := "mujun.r.floor"
			if take > need-held && res[i].Score == cut {
				key = "mujun.r.floortie"
			}
			res[i].Class = c.Name
			res[i].Reasons = append(res[i].Reasons, locale.M(key, c.Name, need, share(*c.MinShare), n))
		}
	}
}

func share(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func init() {
	locale.Register(map[string][2]string{
		"mujun.r.ceiling":    {"%s 类名额上限 %[3]s×%[4]d 向下取整 = %[2]d 家，按排名降为 %[5]s 类", "class %s is capped at floor(%[3]s×%[4]d)=%[2]d: moved down to %[5]s by rank"},
		"mujun.r.ceilingtie": {"%s 类名额上限 %[3]s×%[4]d 向下取整 = %[2]d 家，与名额边界同分者一并降为 %[5]s 类", "class %s is capped at floor(%[3]s×%[4]d)=%[2]d: tied at the cut, moved down to %[5]s"},
		"mujun.r.floor":      {"%s 类名额下限 %[3]s×%[4]d 向上取整 = %[2]d 家，按排名调为 %[1]s 类", "class %s needs at least ceil(%[3]s×%[4]d)=%[2]d: moved to %[1]s by rank"},
		"mujun.r.floortie":   {"%s 类名额下限 %[3]s×%[4]d 向上取整 = %[2]d 家，与名额边界同分者一并调为 %[1]s 类", "class %s needs at least ceil(%[3]s×%[4]d)=%[2]d: tied at the cut, moved to %[1]s"},
	})
}
