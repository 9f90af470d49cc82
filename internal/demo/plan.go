package demo

import (
	"fmt"
	"slices"
	"sort"
)

// The published award lists the demo reproduces (data/gansu_county_awards_known.csv,
// sources there).
var (
	// Top10_2021 is the 2021 十强县 in the order of the source, which agrees
	// with the two published ranks (肃州区 2nd, 玉门市 9th); the demo ranks
	// them in this order.
	Top10_2021 = []string{"620102", "620902", "620402", "620105", "620302", "620104", "621102", "620802", "620981", "622901"}
	// Advanced2021 is the 2021 先进县 by the type the demo awards them in
	// (two per type); four types are published, the other six are the
	// demo's choice (InventedAwardTypes).
	Advanced2021 = map[string][2]string{
		Urban:       {"620102", "620902"},
		Industry:    {"620402", "620105"},
		Agriculture: {"620921", "620826"},
		Tourism:     {"620982", "620503"},
		Ecology:     {"620924", "621126"},
	}
	// Rise2022 is the 2022 进步县 named in the press with the rise given
	// (0 where the press gives none and the demo chooses it).
	Rise2022 = map[string]int{"620602": 0, "620622": 24, "620623": 0, "621023": 21, "621027": 12}
	// Advanced2022 are the 2022 先进县 named in the press: 崆峒区 (probably
	// 1st) and 临夏市 (2nd) of 城市服务型, and 民勤县.
	Advanced2022 = []string{"620802", "622901", "620621"}
)

// awarded2021 are the counties of the 2021 lists.
var awarded2021 = func() map[string]bool {
	out := map[string]bool{}
	for _, c := range Top10_2021 {
		out[c] = true
	}
	for _, p := range Advanced2021 {
		out[p[0]], out[p[1]] = true, true
	}
	return out
}()

// riserPlaces are the planned places in 2021 and 2022 of the press-named
// 进步县: the published rises (古浪县 24, 华池县 21, 镇原县 12), the others
// chosen (虚构: 天祝藏族自治县 15, 凉州区 13), all landing between 14th and
// 23rd, apart, below 民勤县 (13th at most).
var riserPlaces = map[string][2]int{
	"620622": {42, 18}, "621023": {38, 17}, "621027": {32, 20}, "620623": {29, 14}, "620602": {36, 23},
}

// excludedFromRise are the 兰州 districts the method keeps out of 进步县.
var excludedFromRise = map[string]bool{"620102": true, "620103": true, "620104": true, "620105": true, "620111": true}

// plan2021 returns the 2021 target order (county indices, best first) and
// the planned 2022 rises of the press-named 进步县 (county index → places):
// the published 十强县 in their order, then the others by keys (their
// scores at strength 0), each type's two 先进县 moved up above the other
// counties of that type, and the press-named 进步县 of 2022 moved low enough
// to rise by their places and land below 15th in 2022 (a 进步县 in the top
// ten would pass its 十强县 on; 民勤县 takes 13th).
func plan2021(cs []County, keys []float64) ([]int, map[int]int, error) {
	idx := indexOf(cs)
	natural := make([]int, len(cs))
	for i := range natural {
		natural[i] = i
	}
	sort.SliceStable(natural, func(a, b int) bool { return keys[natural[a]] > keys[natural[b]] })
	var order []int
	top := map[int]bool{}
	for _, code := range Top10_2021 {
		order = append(order, idx[code])
		top[idx[code]] = true
	}
	for _, i := range natural {
		if !top[i] {
			order = append(order, i)
		}
	}
	for _, t := range []string{Agriculture, Tourism, Ecology} {
		pair := Advanced2021[t]
		lift := maxLift
		if t == Agriculture {
			// Above 民勤县, which must lead a type in 2022 rising 10 places at most.
			lift = len(cs)
		}
		order = liftAboveBy(cs, order, t, pair[:], len(Top10_2021), lift)
	}
	// 民勤县 (生态功能型, second 农业优先型), a 2022 先进县, starts two places
	// below 2021's second of 农业优先型.
	order = lowerTo(order, idx["620621"], max(position(order, idx[Advanced2021[Agriculture][0]]), position(order, idx[Advanced2021[Agriculture][1]]))+3)
	// The press-named 进步县 at their planned 2021 places.
	// Taken out first and put back from the highest place down, each lands
	// where planned.
	rises := map[int]int{}
	codes := []string{"620623", "621027", "620602", "621023", "620622"} // by 2021 place
	for _, code := range codes {
		order = slices.DeleteFunc(order, func(i int) bool { return i == idx[code] })
	}
	for _, code := range codes {
		p := riserPlaces[code]
		order = slices.Insert(order, p[0]-1, idx[code])
		rises[idx[code]] = p[0] - p[1]
	}
	// 崆峒区 and 临夏市 rise into 2022's first two places.
	rises[idx["620802"]], rises[idx["622901"]] = 7, 8
	return order, rises, nil
}

// liftAbove makes the designated counties (codes) of type t the first
// counties declaring t at or after position from: each moves up at most
// maxLift places, and the other counties declaring t that still stand above
// it move down to just below it.
func liftAbove(cs []County, order []int, t string, codes []string, from int) []int {
	return liftAboveBy(cs, order, t, codes, from, maxLift)
}

// liftAboveBy is liftAbove moving a county up at most lift places.
func liftAboveBy(cs []County, order []int, t string, codes []string, from, lift int) []int {
	idx := indexOf(cs)
	designated := map[int]bool{}
	for _, c := range codes {
		designated[idx[c]] = true
	}
	for _, code := range codes {
		d := idx[code]
		first := -1
		for k := from; k < len(order); k++ {
			if !designated[order[k]] && hasType(cs[order[k]].Code, t) {
				first = k
				break
			}
		}
		pos := position(order, d)
		if first < 0 || pos < first {
			continue
		}
		to := max(first, pos-lift)
		order = append(order[:pos], order[pos+1:]...)
		order = append(order[:to], append([]int{d}, order[to:]...)...)
		for k := to - 1; k >= from; k-- {
			if i := order[k]; !designated[i] && hasType(cs[i].Code, t) {
				order = lowerTo(order, i, position(order, d)+1)
			}
		}
	}
	return order
}

// maxLift is the most places liftAbove moves a county up.
const maxLift = 20

// plan2022 returns the 2022 target order from the 2021 ranks, the ranks
// the 2022 figures give at strength 0 (nat) and the planned rises:
// 崆峒区 and 临夏市 first (1st and 2nd of 城市服务型), the rest of 2021's
// top ten after them (城关区 5th); 民勤县 risen to 13th or by 10 places,
// above every 进步县 (it leads its types); the press-named 进步县 risen by
// their planned places, those whose rise the press does not give by what
// the 2022 figures suggest (13–23 places); five more 进步县, the counties
// the 2022 figures raise most; 2021's 先进县 of 农业优先型 down by about 6
// places; every other county near its 2021 place (a small random move,
// lower by 3 places per point of penalty), in the places left.
func plan2022(cs []County, prev map[string]float64, nat []float64, rises map[int]int, penalty []float64) ([]int, error) {
	idx := indexOf(cs)
	n := len(cs)
	r21 := make([]int, n)
	for i, c := range cs {
		r21[i] = int(prev[c.Code])
	}
	at := make([]int, n) // target place (1-based) of fixed counties, 0 = free
	taken := map[int]int{}
	fix := func(i, place int) error {
		if place < 1 || place > n {
			return fmt.Errorf("demo: plan 2022: %s at place %d", cs[i].Name, place)
		}
		if j, ok := taken[place]; ok {
			return fmt.Errorf("demo: plan 2022: %s and %s both at place %d", cs[i].Name, cs[j].Name, place)
		}
		at[i], taken[place] = place, i
		return nil
	}
	// 城关区 (vetoed in 2022 by an invented event) steps back to 5th.
	top := []string{"620802", "622901", "620902", "620402", "620102", "620105", "620302", "620104", "621102", "620981"}
	for k, c := range top {
		if err := fix(idx[c], k+1); err != nil {
			return nil, err
		}
	}
	natRise := func(i int) int { return r21[i] - int(nat[i]) }
	place := func(i, r int, free bool) bool {
		// A rise the press does not give moves within 13–23 to a free place
		// below 14th.
		for _, d := range []int{0, 1, -1, 2, -2, 3, -3, 4, -4} {
			rr := r + d
			if !free && d != 0 {
				break
			}
			p := r21[i] - rr
			if _, busy := taken[p]; busy || p < 11 || (free && (p < 15 || rr < 13 || rr > 23)) {
				continue
			}
			rises[i] = rr
			return fix(i, p) == nil
		}
		return false
	}
	for _, code := range []string{"620622", "621023", "621027", "620623"} {
		if !place(idx[code], rises[idx[code]], false) {
			return nil, fmt.Errorf("demo: plan 2022: no place for %s (2021: %d)", cs[idx[code]].Name, r21[idx[code]])
		}
	}
	minqin := idx["620621"]
	for place := max(11, r21[minqin]-10); place < r21[minqin]; place++ {
		if _, busy := taken[place]; !busy {
			if err := fix(minqin, place); err != nil {
				return nil, err
			}
			break
		}
	}
	for _, code := range []string{"620602"} {
		i := idx[code]
		if !place(i, rises[i], true) {
			return nil, fmt.Errorf("demo: plan 2022: no place for %s", cs[i].Name)
		}
	}
	var pool []int
	for i, c := range cs {
		if at[i] == 0 && !excludedFromRise[c.Code] && !awarded2021[c.Code] {
			pool = append(pool, i)
		}
	}
	sort.SliceStable(pool, func(a, b int) bool { return natRise(pool[a]) > natRise(pool[b]) })
	picked := 0
	for _, i := range pool {
		if picked == 5 {
			break
		}
		if place(i, min(max(natRise(i), 13), 23), true) {
			picked++
		}
	}
	if picked < 5 {
		return nil, fmt.Errorf("demo: plan 2022: %d invented 进步县", picked)
	}
	// The others keep their 2021 order up to a small move.
	var free []int
	key := make([]float64, n)
	for i, c := range cs {
		if at[i] == 0 {
			free = append(free, i)
			// Near its 2021 place, a few places towards where its 2022
			// figures put it.
			key[i] = float64(r21[i]) + clamp(nat[i]-float64(r21[i]), -4, 4) + draw(0, 1.5, c.Code, "move-2022") + 3*penalty[i]
		}
	}
	for _, c := range Advanced2021[Agriculture] {
		key[idx[c]] += 6.5
	}
	sort.SliceStable(free, func(a, b int) bool { return key[free[a]] < key[free[b]] })
	order := make([]int, 0, n)
	f := 0
	for place := 1; place <= n; place++ {
		if i, ok := taken[place]; ok {
			order = append(order, i)
		} else {
			order = append(order, free[f])
			f++
		}
	}
	return order, nil
}

// lowerTo moves county i down to place at least place (1-based).
func lowerTo(order []int, i, place int) []int {
	pos := position(order, i)
	if pos+1 >= place {
		return order
	}
	order = append(order[:pos], order[pos+1:]...)
	return append(order[:place-1], append([]int{i}, order[place-1:]...)...)
}

func indexOf(cs []County) map[string]int {
	idx := make(map[string]int, len(cs))
	for i, c := range cs {
		idx[c.Code] = i
	}
	return idx
}

func position(order []int, i int) int {
	for k, j := range order {
		if j == i {
			return k
		}
	}
	return -1
}
