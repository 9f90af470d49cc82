package monitor

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	toml "github.com/pelletier/go-toml/v2"
)

// The quantities a monitoring method ranks an indicator by.
const (
	RankByGrowth     = "growth"     // 增速
	RankByValue      = "value"      // 总量
	RankByCompletion = "completion" // 目标完成率
)

// Method is a monitoring method: which indicators the quarterly ranking
// reads, each ranked by growth, value or completion, and their weights in
// the overall (weighted mean) rank. It is written in the method files'
// TOML: a title and [[indicator]] tables with code, rank_by and weight.
type Method struct {
	Title      string            `toml:"title"`
	Indicators []MethodIndicator `toml:"indicator"`
}

// MethodIndicator is one indicator of a monitoring method.
type MethodIndicator struct {
	Code   string  `toml:"code"`
	RankBy string  `toml:"rank_by"`
	Weight float64 `toml:"weight"`
}

// ParseMethod reads a monitoring method; a weight left out is 1. Every
// indicator needs a code, once, a rank_by of growth, value or completion,
// and a positive weight.
func ParseMethod(src []byte) (Method, error) {
	var m Method
	d := toml.NewDecoder(bytes.NewReader(src))
	d.DisallowUnknownFields()
	if err := d.Decode(&m); err != nil {
		var se *toml.StrictMissingError
		if errors.As(err, &se) {
			return m, fmt.Errorf("monitoring method: unknown keys:\n%s", se.String())
		}
		return m, fmt.Errorf("monitoring method: %w", err)
	}
	var errs []error
	seen := map[string]bool{}
	for i := range m.Indicators {
		ind := &m.Indicators[i]
		if ind.Weight == 0 {
			ind.Weight = 1
		}
		switch {
		case ind.Code == "" || seen[ind.Code]:
			errs = append(errs, fmt.Errorf("indicator %d: a code, once (%q)", i+1, ind.Code))
		case ind.RankBy != RankByGrowth && ind.RankBy != RankByValue && ind.RankBy != RankByCompletion:
			errs = append(errs, fmt.Errorf("indicator %s: rank_by should be growth, value or completion, found %q", ind.Code, ind.RankBy))
		case !(ind.Weight > 0) || math.IsInf(ind.Weight, 0):
			errs = append(errs, fmt.Errorf("indicator %s: weight should be positive", ind.Code))
		}
		seen[ind.Code] = true
	}
	if len(m.Indicators) == 0 {
		errs = append(errs, errors.New("a monitoring method needs at least one [[indicator]]"))
	}
	return m, errors.Join(errs...)
}

// Standing is a unit's place in one quarter's ranking.
type Standing struct {
	Unit string
	// Ranks holds the unit's rank per method indicator (0: not ranked).
	Ranks []int
	// Score is the weighted mean of the unit's ranks over the indicators
	// it is ranked in (lower is better); NaN when none.
	Score float64
	// Rank is by Score, ascending, ties sharing the smallest rank; 0
	// without a score.
	Rank int
	// Change is the rise since the previous quarter (previous rank − this
	// rank: 2 means two places up); 0 with NaN Moved when either is
	// missing.
	Change int
	Moved  bool // Change is defined
}

// Quarterly ranks units by method in each quarter's table: tables[i] is
// the monitoring table of the cumulative months to the end of a quarter
// (in order), the result one ranking per table, the change against the
// table before.
func Quarterly(m Method, tables [][]Row) [][]Standing {
	out := make([][]Standing, len(tables))
	for q, rows := range tables {
		out[q] = rankQuarter(m, rows)
		if q == 0 {
			continue
		}
		prev := map[string]int{}
		for _, s := range out[q-1] {
			prev[s.Unit] = s.Rank
		}
		for i := range out[q] {
			s := &out[q][i]
			if p := prev[s.Unit]; p > 0 && s.Rank > 0 {
				s.Change, s.Moved = p-s.Rank, true
			}
		}
	}
	return out
}

func rankQuarter(m Method, rows []Row) []Standing {
	idx := map[string]int{}
	var out []Standing
	col := map[string]int{}
	for i, ind := range m.Indicators {
		col[ind.Code] = i
	}
	// Completion is ranked here (the table ranks growth and value).
	compl := map[string][]*Row{}
	for i := range rows {
		r := &rows[i]
		if _, ok := col[r.Indicator]; !ok {
			continue
		}
		if _, ok := idx[r.Unit]; !ok {
			idx[r.Unit] = len(out)
			out = append(out, Standing{Unit: r.Unit, Ranks: make([]int, len(m.Indicators))})
		}
		compl[r.Indicator] = append(compl[r.Indicator], r)
	}
	for code, rs := range compl {
		c := col[code]
		by := m.Indicators[c].RankBy
		var keys []float64
		for _, r := range rs {
			switch by {
			case RankByGrowth:
				out[idx[r.Unit]].Ranks[c] = r.Rank
			case RankByValue:
				out[idx[r.Unit]].Ranks[c] = r.ValueRank
			case RankByCompletion:
				if !math.IsNaN(r.Completion) {
					keys = append(keys, r.Completion)
				}
			}
		}
		if by == RankByCompletion {
			slices.SortFunc(keys, func(a, b float64) int { return cmp.Compare(b, a) })
			for _, r := range rs {
				if v := r.Completion; !math.IsNaN(v) {
					// 1 + how many completed strictly more: ties share.
					k, _ := slices.BinarySearchFunc(keys, v, func(a, b float64) int { return cmp.Compare(b, a) })
					out[idx[r.Unit]].Ranks[c] = k + 1
				}
			}
		}
	}
	for i := range out {
		s := &out[i]
		var sum, w float64
		for c, k := range s.Ranks {
			if k > 0 {
				sum, w = sum+m.Indicators[c].Weight*float64(k), w+m.Indicators[c].Weight
			}
		}
		s.Score = math.NaN()
		if w > 0 {
			s.Score = sum / w
		}
	}
	order := make([]int, 0, len(out))
	for i := range out {
		if !math.IsNaN(out[i].Score) {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(out[a].Score, out[b].Score) })
	for k, i := range order {
		out[i].Rank = k + 1
		if k > 0 && out[i].Score == out[order[k-1]].Score {
			out[i].Rank = out[order[k-1]].Rank
		}
	}
	slices.SortStableFunc(out, func(a, b Standing) int { return cmp.Compare(a.Unit, b.Unit) })
	return out
}
