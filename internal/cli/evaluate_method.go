package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
	"github.com/qiangxian/qiangxian/internal/zone"
)

// runEvaluateMethod is `qiangxian evaluate --method M --data D [--events E]
// [--previous P] [--targets T] [--history H] [--changes C] --out O`: an
// evaluation method file applied to one period's data. runEvaluate hands
// over to it when the arguments contain --method.
//
// O is written by its extension: .csv (the long format, see
// writeMethodCSV), .json, or .xlsx (one sheet per view and per step). With
// a zone grade history H (or changes C, or [[management]] tables in M) the
// .csv gets grade,streak,warnings appended on every row of a unit (see
// zoneResults); H and C need a .csv O.
func runEvaluateMethod(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("evaluate")
	mpath := fs.String("method", "", e.t("评价方法文件（.toml）", "evaluation method file (.toml)"))
	dpath := fs.String("data", "", e.t("数据（.xlsx 或 .csv，每行一个单位）", "data (.xlsx or .csv, one row per unit)"))
	sheet := fs.String("sheet", "", e.t("数据工作表名（默认第一个）", "data sheet name (default: the first)"))
	epath := fs.String("events", "", e.t("事件表 .csv（单位代码,日期,事件类型,提供部门,文号,备注）", "events .csv (单位代码,日期,事件类型,提供部门,文号,备注)"))
	tpath := fs.String("targets", "", e.t("目标表 .csv（单位代码,指标,目标值,备注）", "targets .csv (单位代码,指标,目标值,备注)"))
	ppath := fs.String("previous", "", e.t("上期公布结果（evaluate 输出的 .csv）", "previous published result (.csv written by evaluate)"))
	period := fs.String("period", "", e.t("本期名称（默认取数据文件名中的年份）", "this period's name (default: the year in the data file name)"))
	hpath := fs.String("history", "", e.t("开发区等级历史 .csv（period,unit,group,group_rank,score,grade）：输出追加 grade,streak,warnings",
		"zone grade history .csv (period,unit,group,group_rank,score,grade): the output gets grade,streak,warnings"))
	cpath := fs.String("changes", "", e.t("开发区更名、整合与升级 .csv（change,unit,successor,period）", "zone renames, mergers and upgrades .csv (change,unit,successor,period)"))
	lpath := fs.String("previous-data", "", e.t("上年数据（.xlsx 或 .csv）：按本方法重算上年名次（上年同口径），rise_baseline = \"rescored\" 时用于评进步县",
		"last year's data (.xlsx or .csv), re-scored under this method (rise_baseline = \"rescored\" ranks 进步县 against it)"))
	lepath := fs.String("previous-events", "", e.t("上年事件表 .csv（与 --previous-data 同用）", "last year's events .csv (with --previous-data)"))
	ltpath := fs.String("previous-targets", "", e.t("上年目标表 .csv（与 --previous-data 同用）", "last year's targets .csv (with --previous-data)"))
	dcpath := fs.String("decisions", "", e.t("评价办公室对末位并列（待认定）的认定 .csv（奖项,类型,单位代码,会议纪要）",
		"the office's decisions of ties left open (待认定) .csv (奖项,类型,单位代码,会议纪要)"))
	out := fs.String("out", "", e.t("输出文件：.csv、.json 或 .xlsx", "output file: .csv, .json or .xlsx"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if *mpath == "" || *dpath == "" || *out == "" {
		return e.usageErr("需要 --method、--data 和 --out", "--method, --data and --out are required")
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".csv" && ext != ".json" && ext != ".xlsx" {
		return e.usageErr("--out 的扩展名应为 .csv、.json 或 .xlsx：%s", "--out must end in .csv, .json or .xlsx: %s", *out)
	}
	if (*hpath != "" || *cpath != "") && ext != ".csv" {
		return e.usageErr("--history 与 --changes 需要 .csv 输出", "--history and --changes need a .csv --out")
	}
	m, err := e.loadMethod(*mpath)
	if err != nil {
		return err
	}
	in, err := e.readMethodInput(m, *dpath, *sheet, *epath, *tpath, *ppath, *period)
	if err != nil {
		return err
	}
	if *dcpath != "" {
		t, err := openTable(*dcpath)
		if err != nil {
			return err
		}
		if in.Decisions, err = method.ReadDecisions(m, in.Data, t); err != nil {
			return err
		}
	}
	if *lpath != "" {
		last, err := e.readMethodInput(m, *lpath, "", *lepath, *ltpath, "", "")
		if err != nil {
			return err
		}
		if in.Rescored, err = method.Rescore(m, last); err != nil {
			return err
		}
	} else if m.RiseBaseline == method.BaselineRescored && *ppath != "" {
		return e.usageErr("方法按上年同口径名次评进步县（rise_baseline = \"rescored\"）：需要 --previous-data",
			"the method ranks rises against last year re-scored (rise_baseline = \"rescored\"): --previous-data is required")
	}
	o, err := method.Run(m, in)
	if err != nil {
		return err
	}
	// Zone columns: with a history, or for a method with [[management]].
	zones := ext == ".csv" && (*hpath != "" || *cpath != "" || len(m.Management) > 0)
	var zres map[string]zone.Result
	if zones {
		if zres, err = e.zoneResults(m, o, *hpath, *cpath); err != nil {
			return err
		}
	}
	switch {
	case zones:
		err = writeFileAtomic(*out, func(w io.Writer) error { return writeMethodZonesCSV(w, o, zres) })
	case ext == ".csv":
		err = writeFileAtomic(*out, func(w io.Writer) error { return writeMethodCSV(w, o) })
	case ext == ".json":
		err = writeFileAtomic(*out, func(w io.Writer) error { return writeMethodJSON(w, o, e.lang) })
	case ext == ".xlsx":
		err = xlsx.WriteFile(*out, methodSheets(o, e.lang))
	}
	if err != nil {
		return err
	}
	e.printOutcome(o)
	e.printZoneWarnings(o, zres)
	fmt.Fprintln(e.stdout, e.t("结果已写入 %s", "results written to %s", *out))
	return nil
}

// loadMethod reads and parses a method file; its errors become located
// table errors so that report prints them one per line.
func (e *env) loadMethod(path string) (*method.Method, error) {
	var m *method.Method
	src, err := method.ReadSource(path)
	if err == nil {
		m, err = method.Parse(path, src)
	}
	var es method.Errors
	if errors.As(err, &es) {
		return nil, es.Table(e.lang)
	}
	return m, err
}

// openAnyTable reads a CSV file, or a sheet of an .xlsx workbook.
func openAnyTable(path, sheet string) (*table.Table, error) {
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return xlsx.ReadTableWith(path, sheet, table.CommandLimits())
	}
	if xlsx.IsLegacy(path) {
		return nil, xlsx.LegacyError(path)
	}
	return openTable(path)
}

// printOutcome prints the terminal summary: the top 10, the award lists
// and the warnings.
func (e *env) printOutcome(o *method.Outcome) {
	w := e.stdout
	title := o.Method.Title
	if e.lang == locale.EN && o.Method.TitleEn != "" {
		title = o.Method.TitleEn
	}
	if o.Period != "" {
		title += " " + o.Period
	}
	if o.Sample {
		title += e.t("（示例数据）", " (示例数据: sample data)")
	}
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, e.t("综合排名前 10：", "Overall top 10:"))
	for _, u := range byRank(o) {
		if o.Rank[u] > 10 {
			break
		}
		unit := o.Units[u]
		line := fmt.Sprintf("  %3s  %s %s %s %8s", fmtNum(o.Rank[u]), unit.Code, padRight(unit.Name, 16),
			padRight(strings.Join(unit.Types, "+"), 22), fmtScore(o.Overall[u], o.Method.Decimals))
		if o.RankChange != nil {
			line += "  " + e.fmtChange(o.RankChange[u])
		}
		if o.Vetoed[u] {
			line += e.t("  一票否决", "  vetoed")
		}
		fmt.Fprintln(w, line)
	}
	for _, a := range o.Awards {
		name := a.Award.Name
		if a.Type != "" {
			name += "（" + a.Type + "）"
		}
		var names []string
		for i, u := range a.Winners {
			if a.Award.Kind == method.AwardRise {
				names = append(names, fmt.Sprintf("%s(%s)", o.Units[u].Name, e.fmtChange(a.Key[i])))
			} else {
				names = append(names, o.Units[u].Name)
			}
		}
		if len(names) == 0 && len(a.Pending) == 0 {
			names = []string{e.t("（无）", "(none)")}
		}
		line := strings.Join(names, "、")
		if len(a.Pending) > 0 {
			var tied []string
			for _, u := range a.Pending {
				tied = append(tied, o.Units[u].Name)
			}
			if line != "" {
				line += "；"
			}
			line += e.t("待认定（%d 个名额）：", "pending (%d places): ", a.Places) + strings.Join(tied, "、")
		}
		fmt.Fprintf(w, "%s：%s\n", name, line)
	}
	if o.RankChange != nil {
		if o.Baseline == method.BaselineRescored {
			fmt.Fprintln(w, e.t("说明：名次变化以上年数据按本办法重算的名次（上年同口径）为基准", "note: rank changes are against last year re-scored under this method"))
		} else {
			fmt.Fprintln(w, e.t("说明：名次变化以上年公布名次为基准", "note: rank changes are against last year's published ranks"))
		}
	}
	counts := map[string]int{}
	for _, wn := range o.Warnings {
		counts[wn.Kind]++
		// Imputed and missing cells can be many: counted below, not listed.
		if wn.Kind != "imputed" && wn.Kind != "missing" && wn.Kind != "notarget" && wn.Kind != "owed" {
			fmt.Fprintln(w, e.t("提示：", "warning: ")+wn.Msg.In(e.lang))
		}
	}
	if n := counts["imputed"]; n > 0 {
		fmt.Fprintln(w, e.t("提示：%d 个缺失值已插补（见输出的说明）", "warning: %d missing cells imputed (see the notes in the output)", n))
	}
	if n := counts["owed"]; n > 0 {
		fmt.Fprintln(w, e.t("提示：%d 个应由部门提供的数据缺失，该项不计分；补报前评价结果不得公示（见输出的说明）",
			"warning: %d figures owed by departments are missing and not scored; the run may not go to public notice until they are supplied (see the notes in the output)", n))
	}
	if n := counts["missing"]; n > 0 {
		fmt.Fprintln(w, e.t("提示：%d 个数据缺失，相应指标不计分（见输出的说明）", "warning: %d missing cells not scored (see the notes in the output)", n))
	}
	if n := counts["notarget"]; n > 0 {
		fmt.Fprintln(w, e.t("提示：%d 处缺少目标值（见输出的说明）", "warning: %d targets missing (see the notes in the output)", n))
	}
}

// fmtChange shows a rank change: ↑ a rise, ↓ a fall.
func (e *env) fmtChange(v float64) string {
	switch {
	case v != v:
		return e.t("新增", "new")
	case v > 0:
		return fmt.Sprintf("↑%g", v)
	case v < 0:
		return fmt.Sprintf("↓%g", -v)
	}
	return "→0"
}

// fmtScore prints a score with the method's decimals (all digits when the
// method does not round), so that the column lines up.
func fmtScore(v float64, decimals int) string {
	if decimals < 0 || math.IsNaN(v) {
		return fmtNum(v)
	}
	return strconv.FormatFloat(v, 'f', decimals, 64)
}
