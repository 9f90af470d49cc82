package web

import (
	"math"
	"sort"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// runStability is the stability of a run's overall ranks against the
// previous run's, as the robustness page shows it: Spearman's correlation
// and the mean and largest move over the counties whose rows the caller
// reads and that have a rank change. The split of each move into method
// and data needs last year's data rescored, which a run does not store:
// `qiangxian robustness --previous-data` gives it.
type runStability struct {
	Units             int
	Spearman, MeanAbs float64
	MaxAbs            float64
}

// stabilityOfRows computes the stability from the rows of the top node
// without a group (rank and rank change); nil when no row has a change.
func stabilityOfRows(rows map[string]store.Result) *runStability {
	codes := make([]string, 0, len(rows))
	for c := range rows {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var rank, change []float64
	for _, c := range codes {
		r := rows[c]
		if math.IsNaN(r.RankChange) || math.IsNaN(r.Rank) {
			continue
		}
		rank, change = append(rank, r.Rank), append(change, r.RankChange)
	}
	if len(rank) == 0 {
		return nil
	}
	s := method.StabilityFrom(rank, change, nil)
	return &runStability{Units: s.Units, Spearman: s.Spearman, MeanAbs: s.MeanAbs, MaxAbs: s.MaxAbs}
}

func init() {
	registerUI(map[string][2]string{
		"runs.stability": {"与上年名次相比（%d 个县区）：Spearman 相关系数 %s，平均变动 %s 位，最大变动 %s 位。",
			"Ranks against last year (%d counties): Spearman correlation %s, mean move %s places, largest %s."},
		"runs.stabilityHow": {"每个县区名次变动中办法变化与数据变化各占多少，需按本办法重算上年数据：qiangxian robustness --previous-data。",
			"How much of each county's move is due to the method and how much to the data needs last year's data rescored under this method: qiangxian robustness --previous-data."},
	})
}
