package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/zone"
)

// runZones is `qiangxian zones manage --rules R.toml --history H.csv --out
// W.csv [--changes C.csv]`: the development-zone rules applied to a grade
// history alone.
//
// R holds [[grade]] and [[management]] tables (or is a whole method file);
// H is read by zone.ReadHistory, C by zone.ReadChanges. Every period of H
// is a held period; periods sort as numbers when all are numbers, else as
// strings. W has one row per unit of the last period, in H's order of that
// period's rows: unit,period,grade,streak,warnings — streak empty for an
// ungraded unit, warnings the actions in the order of the [[management]]
// tables joined by ";". Problems are reported one per line and nothing is
// written: those of R alone when it has any (H is read with its grades),
// else those of H and C together.
func runZones(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "grade":
			return runZonesGrade(ctx, e, args[1:])
		case "land":
			return runZonesLand(ctx, e, args[1:])
		case "targets":
			return runZonesTargets(ctx, e, args[1:])
		case "import":
			return runZonesImport(ctx, e, args[1:])
		case "enterprises":
			return runZonesEnterprises(ctx, e, args[1:])
		case "indicators":
			return runZonesIndicators(ctx, e, args[1:])
		}
	}
	if len(args) == 0 || args[0] != "manage" {
		return e.usageErr("用法：qiangxian zones manage|import|enterprises|indicators|grade|land|targets …；例如 qiangxian zones manage --rules 规则.toml --history 历史.csv --out 结果.csv [--changes 变更.csv]",
			"usage: qiangxian zones manage|import|enterprises|indicators|grade|land|targets …, e.g. qiangxian zones manage --rules RULES.toml --history HISTORY.csv --out OUT.csv [--changes CHANGES.csv]")
	}
	fs := e.newFlags("zones manage")
	rpath := fs.String("rules", "", e.t("规则文件（.toml，[[grade]] 与 [[management]]；也可为完整的评价方法文件）",
		"rules file (.toml with [[grade]] and [[management]]; a whole method file is accepted too)"))
	hpath := fs.String("history", "", e.t("等级历史 .csv（period,unit,group,group_rank,score,grade）",
		"grade history .csv (period,unit,group,group_rank,score,grade)"))
	cpath := fs.String("changes", "", e.t("更名、整合与升级 .csv（change,unit,successor,period），可选",
		"renames, mergers and upgrades .csv (change,unit,successor,period), optional"))
	out := fs.String("out", "", e.t("输出 .csv（unit,period,grade,streak,warnings）", "output .csv (unit,period,grade,streak,warnings)"))
	if err := e.parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *rpath == "" || *hpath == "" || *out == "" {
		return e.usageErr("需要 --rules、--history 和 --out", "--rules, --history and --out are required")
	}
	rules, err := e.loadRules(*rpath)
	if err != nil {
		return err
	}
	h, ch, err := readZoneInputs(*hpath, *cpath, rules.Grades)
	if err != nil {
		return err
	}
	last := h.Periods[len(h.Periods)-1]
	res, err := zone.Assess(h, rules.Management, ch, last)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error { return writeZonesCSV(w, res) }); err != nil {
		return err
	}
	warned := 0
	for _, r := range res {
		if len(r.Warnings) > 0 {
			warned++
		}
	}
	fmt.Fprintln(e.stdout, e.t("%s 期 %d 个单位，%d 个有预警；结果已写入 %s", "period %s: %d units, %d with warnings; results written to %s",
		last, len(res), warned, *out))
	return nil
}

// loadRules reads a rules file (or a whole method file) with its errors as
// located table errors.
func (e *env) loadRules(path string) (*method.Rules, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	r, err := method.ParseRules(path, src)
	var es method.Errors
	if errors.As(err, &es) {
		return nil, es.Table(e.lang)
	}
	return r, err
}

// readZoneInputs reads the history and, when cpath is set, the changes;
// the problems of both are reported together.
func readZoneInputs(hpath, cpath string, grades []method.Grade) (*zone.History, zone.Changes, error) {
	var all problems
	var h *zone.History
	t, err := openTable(hpath)
	if err == nil {
		h, err = zone.ReadHistory(t, grades)
	}
	if err := all.add(err); err != nil {
		return nil, zone.Changes{}, err
	}
	var ch zone.Changes
	if cpath != "" {
		t, err := openTable(cpath)
		if err == nil {
			ch, err = zone.ReadChanges(t)
		}
		if err := all.add(err); err != nil {
			return nil, ch, err
		}
	}
	if err := all.err(); err != nil {
		return nil, ch, err
	}
	return h, ch, nil
}

// writeZonesCSV writes unit,period,grade,streak,warnings: streak is empty
// for an ungraded unit, warnings the actions joined by ";" in the order of
// the [[management]] tables.
func writeZonesCSV(w io.Writer, res []zone.Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"unit", "period", "grade", "streak", "warnings"}); err != nil {
		return err
	}
	for _, r := range res {
		if err := cw.Write([]string{r.Unit, r.Period, r.Grade, streakCell(r), warningsCell(r)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func streakCell(r zone.Result) string {
	if r.Grade == "" {
		return ""
	}
	return strconv.Itoa(r.Streak)
}

func warningsCell(r zone.Result) string {
	acts := make([]string, len(r.Warnings))
	for i, w := range r.Warnings {
		acts[i] = w.Action
	}
	return strings.Join(acts, ";")
}
