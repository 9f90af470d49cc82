package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/zone/target"
)

// runZonesTargets is `qiangxian zones targets --targets T.csv --actuals
// A.csv --year YYYY --out P.csv [--tiers TIERS.toml [--tier-out C.csv]]`:
// each target's progress in the year (target.Compute).
//
// T has columns unit,measure,year,target; A unit,measure,year,value. The
// tiers file's clusters become units of A (the sum of their members), so
// T may name them. P has one row per target, in T's order:
// unit,measure,target_year,target,year,current,previous,progress,growth,
// years_left,needed_growth,met,on_track — met and on_track 1 or 0,
// on_track empty when it cannot be decided, numbers empty where undefined.
// C has one row per tier, zones first then clusters:
// kind,tier,min,max,count,target,gap,units — gap = target − count, units
// joined by ";".
func runZonesTargets(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("zones targets")
	tpath := fs.String("targets", "", e.t("目标表 .csv（unit,measure,year,target）", "targets .csv (unit,measure,year,target)"))
	apath := fs.String("actuals", "", e.t("实际值表 .csv（unit,measure,year,value）", "actuals .csv (unit,measure,year,value)"))
	year := fs.Int("year", 0, e.t("数据年份", "the year of the figures"))
	out := fs.String("out", "", e.t("输出 .csv：每个目标一行", "output .csv: one row per target"))
	cpath := fs.String("tiers", "", e.t("分档与产业集群 .toml，可选", "tiers and clusters .toml, optional"))
	tout := fs.String("tier-out", "", e.t("分档计数输出 .csv（需 --tiers）", "tier count output .csv (needs --tiers)"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if *tpath == "" || *apath == "" || *out == "" || *year == 0 {
		return e.usageErr("需要 --targets、--actuals、--year 和 --out", "--targets, --actuals, --year and --out are required")
	}
	if *tout != "" && *cpath == "" {
		return e.usageErr("--tier-out 需要 --tiers", "--tier-out needs --tiers")
	}
	cfg := &target.Config{}
	if *cpath != "" {
		src, err := os.ReadFile(*cpath)
		if err != nil {
			return err
		}
		if cfg, err = target.ParseConfig(*cpath, src); err != nil {
			return err
		}
	}
	targets, actuals, err := readTargetInputs(*tpath, *apath)
	if err != nil {
		return err
	}
	cfg.AddClusters(actuals)
	progress := make([]target.Progress, len(targets))
	behind := 0
	for i, t := range targets {
		progress[i] = target.Compute(t, actuals, *year)
		if progress[i].Known && !progress[i].OnTrack {
			behind++
		}
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error { return writeProgress(w, progress) }); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("%d 年 %d 个目标，%d 个进度落后；结果已写入 %s", "%d: %d targets, %d behind; results written to %s",
		*year, len(targets), behind, *out))
	if *cpath == "" {
		return nil
	}
	counts := cfg.Count(actuals, *year)
	for _, c := range counts {
		if c.Kind == "zone" && c.Target != nil {
			fmt.Fprintln(e.stdout, e.t("%s：%d 个（目标 %d 个）", "%s: %d (target %d)", c.Tier.Name, len(c.Units), *c.Target))
		}
	}
	if *tout == "" {
		return nil
	}
	return writeFileAtomic(*tout, func(w io.Writer) error { return writeTierCounts(w, counts) })
}

// readTargetInputs reads both tables; the problems of both are reported
// together.
func readTargetInputs(tpath, apath string) ([]target.Target, target.Actuals, error) {
	var all problems
	var ts []target.Target
	var a target.Actuals
	t, err := openTable(tpath)
	if err == nil {
		ts, err = target.ReadTargets(t)
	}
	if err := all.add(err); err != nil {
		return nil, nil, err
	}
	t, err = openTable(apath)
	if err == nil {
		a, err = target.ReadActuals(t)
	}
	if err := all.add(err); err != nil {
		return nil, nil, err
	}
	if err := all.err(); err != nil {
		return nil, nil, err
	}
	return ts, a, nil
}

func flag01(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func writeProgress(w io.Writer, ps []target.Progress) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"unit", "measure", "target_year", "target", "year", "current", "previous", "progress",
		"growth", "years_left", "needed_growth", "met", "on_track"}); err != nil {
		return err
	}
	for _, p := range ps {
		met, on := "", ""
		if p.Current == p.Current {
			met = flag01(p.Met)
		}
		if p.Known {
			on = flag01(p.OnTrack)
		}
		if err := cw.Write([]string{p.Unit, p.Measure, strconv.Itoa(p.Year), zoneCell(p.Value), strconv.Itoa(p.At),
			zoneCell(p.Current), zoneCell(p.Previous), zoneCell(p.Ratio), zoneCell(p.Growth), strconv.Itoa(p.YearsLeft),
			zoneCell(p.Needed), met, on}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeTierCounts(w io.Writer, cs []target.TierCount) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"kind", "tier", "min", "max", "count", "target", "gap", "units"}); err != nil {
		return err
	}
	for _, c := range cs {
		mx, tg, gap := "", "", ""
		if c.Tier.Max != nil {
			mx = zoneCell(*c.Tier.Max)
		}
		if c.Target != nil {
			tg, gap = strconv.Itoa(*c.Target), strconv.Itoa(*c.Target-len(c.Units))
		}
		if err := cw.Write([]string{c.Kind, c.Tier.Name, zoneCell(c.Tier.Min), mx, strconv.Itoa(len(c.Units)), tg, gap,
			strings.Join(c.Units, ";")}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
