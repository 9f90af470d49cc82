package cli

import (
	"encoding/csv"
	"fmt"
	"io"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/table"
)

// stabilityFlags are robustness's inputs of the year-on-year stability:
// last year's data and targets, rescored under this method to split each
// county's move into method and data, and where to write the table.
type stabilityFlags struct {
	prevData, prevTargets, out *string
}

// printStability evaluates in (which has last year's published ranks) and
// prints how stable its ranks are against them: Spearman's correlation,
// the mean and the largest move; with last year's data, rescored under
// this method, it also writes each unit's move split into the part due to
// the method and the part due to the data.
func (e *env) printStability(m *method.Method, in method.Input, sheet string, f stabilityFlags) error {
	if in.Previous == nil {
		if *f.prevData != "" || *f.out != "" {
			return e.usageErr("--previous-data 和 --stability-out 需要 --previous（上年公布结果）",
				"--previous-data and --stability-out need --previous (last year's published result)")
		}
		return nil
	}
	if *f.prevData != "" {
		last, err := e.readMethodInput(m, *f.prevData, sheet, "", *f.prevTargets, "", in.Previous.Period)
		if err != nil {
			return err
		}
		if in.Rescored, err = method.Rescore(m, last); err != nil {
			return err
		}
	}
	o, err := method.Run(m, in)
	if err != nil {
		return err
	}
	s := method.StabilityOf(o)
	fmt.Fprintln(e.stdout, e.t("与上年名次相比（%d 个单位）：Spearman 相关系数 %s，平均变动 %s 位，最大变动 %s 位",
		"ranks against last year (%d units): Spearman correlation %s, mean move %s places, largest %s",
		s.Units, fmtNum(round2(s.Spearman)), fmtNum(round2(s.MeanAbs)), fmtNum(s.MaxAbs)))
	if *f.out == "" {
		return nil
	}
	if err := writeFileAtomic(*f.out, func(w io.Writer) error { return writeStability(w, o, s) }); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("逐单位的名次变动（办法变化与数据变化）已写入 %s", "each unit's move (method and data) written to %s", *f.out))
	return nil
}

// writeStability writes one row per unit: its rank, its move against last
// year's published rank, the places due to the method and to the data,
// and the method's share (empty where undefined).
func writeStability(w io.Writer, o *method.Outcome, s method.Stability) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"unit", "rank", "change", "method", "data", "method_share"}); err != nil {
		return err
	}
	num := func(v float64) string {
		if v != v {
			return ""
		}
		return table.FormatNumber(v)
	}
	for u, unit := range o.Units {
		change := float64(0)
		if o.ChangePublished != nil {
			change = o.ChangePublished[u]
		}
		if err := cw.Write([]string{unit.Code, num(o.Rank[u]), num(change), num(s.Method[u]), num(s.Data[u]), num(s.MethodShare[u])}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func round2(v float64) float64 {
	if v != v {
		return v
	}
	return float64(int64(v*100+copysign(0.5, v))) / 100
}

func copysign(a, b float64) float64 {
	if b < 0 {
		return -a
	}
	return a
}
