package web

import (
	"cmp"
	"math"
	"net/http"
	"slices"
)

// movers returns up to n rows that rose most and n that fell most against
// the previous run, biggest moves first.
func movers(rows []rankRow, n int) (up, down []rankRow) {
	for _, r := range rows {
		switch {
		case r.RankChange > 0:
			up = append(up, r)
		case r.RankChange < 0:
			down = append(down, r)
		}
	}
	slices.SortStableFunc(up, func(a, b rankRow) int {
		return cmp.Or(cmp.Compare(b.RankChange, a.RankChange), cmpRank(a.Rank, b.Rank))
	})
	slices.SortStableFunc(down, func(a, b rankRow) int {
		return cmp.Or(cmp.Compare(a.RankChange, b.RankChange), cmpRank(a.Rank, b.Rank))
	})
	return up[:min(n, len(up))], down[:min(n, len(down))]
}

// headline counts the ranked rows, the winners and the vetoed, and the
// mean score of those with one (NaN for none).
func headline(rows []rankRow) (ranked, winners, vetoed int, mean float64) {
	sum := 0.0
	for _, r := range rows {
		if !math.IsNaN(r.Score) {
			ranked++
			sum += r.Score
		}
		if len(r.Awards) > 0 {
			winners++
		}
		if r.Vetoed {
			vetoed++
		}
	}
	if ranked == 0 {
		return ranked, winners, vetoed, math.NaN()
	}
	return ranked, winners, vetoed, sum / float64(ranked)
}

// picker lists the runs the caller may read for the run picker of action;
// publishedOnly for pages of published results.
func (s *Server) picker(r *http.Request, action string, selected int64, publishedOnly bool) (runPicker, error) {
	runs, err := s.readableRuns(r, publishedOnly)
	if err != nil {
		return runPicker{}, err
	}
	p := &Page{Lang: pageLang(r)}
	rp := runPicker{Action: action, Selected: selected, Keep: map[string]string{}}
	for _, run := range runs {
		rp.Runs = append(rp.Runs, runOption{ID: run.ID, Label: runLabel(p, run)})
	}
	return rp, nil
}

// moveChart is the ECharts option of a bar chart of rank changes.
func moveChart(up, down []rankRow) map[string]any {
	var names []string
	var values []any
	for _, r := range up {
		names, values = append(names, r.Name), append(values, map[string]any{"value": r.RankChange, "itemStyle": map[string]string{"color": "#b3261e"}})
	}
	for _, r := range down {
		names, values = append(names, r.Name), append(values, map[string]any{"value": r.RankChange, "itemStyle": map[string]string{"color": "#1d7a46"}})
	}
	return map[string]any{
		"grid":    map[string]any{"left": 8, "right": 16, "top": 8, "bottom": 8, "containLabel": true},
		"tooltip": map[string]any{"trigger": "axis"},
		"xAxis":   map[string]any{"type": "value"},
		"yAxis":   map[string]any{"type": "category", "data": names, "inverse": true},
		"series":  []any{map[string]any{"type": "bar", "data": values}},
	}
}

// MoveChart is the chart of the biggest risers and fallers.
func (d dashboardView) MoveChart() map[string]any { return moveChart(d.Risers, d.Fallers) }
