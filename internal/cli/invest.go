package cli

import (
	"context"
	"encoding/csv"
	"io"
	"runtime/debug"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/invest/ledgerio"
	"github.com/qiangxian/qiangxian/internal/table"
)

// runInvest is `qiangxian invest metrics …`: the investment-attraction
// ledger's metrics by place and period (issue 16).
func runInvest(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "metrics" {
		return e.usageErr("用法：qiangxian invest metrics --projects P.csv --funds F.csv --level province|prefecture|county|zone --from YYYY-MM --to YYYY-MM --out M.csv",
			"usage: qiangxian invest metrics --projects P.csv --funds F.csv --level province|prefecture|county|zone --from YYYY-MM --to YYYY-MM --out M.csv")
	}
	return e.investMetrics(args[1:])
}

func (e *env) investMetrics(args []string) error {
	fs := e.newFlags("invest metrics")
	projects := fs.String("projects", "", e.t("项目表（.csv 或 .xlsx）", "the projects table (.csv or .xlsx)"))
	funds := fs.String("funds", "", e.t("到位资金表（.csv 或 .xlsx）", "the funds-in-place table (.csv or .xlsx)"))
	level := fs.String("level", "", e.t("地区层级：province、prefecture、county 或 zone", "level: province, prefecture, county or zone"))
	from := fs.String("from", "", e.t("起始月份 YYYY-MM（含）", "first month YYYY-MM (inclusive)"))
	to := fs.String("to", "", e.t("截止月份 YYYY-MM（含）", "last month YYYY-MM (inclusive)"))
	scope := fs.String("county-scope", "prefecture", e.t("县级“域外”口径：prefecture（市州域外，默认）或 county（县域外）", "what is outside for a county: prefecture (outside its prefecture, the default) or county"))
	cohort := fs.String("cohort", "", e.t("按签约活动统计的批次，如 第二十九届兰洽会", "the cohort by 签约活动, e.g. 第二十九届兰洽会"))
	cohortYear := fs.String("cohort-year", "", e.t("按签约年份统计的批次 YYYY", "the cohort by year of signing, YYYY"))
	targets := fs.String("targets", "", e.t("年度到位资金目标表（unit,year,target，亿元）", "annual funds targets (unit,year,target, 亿元)"))
	overdue := fs.Int("overdue-months", invest.DefaultOverdueMonths, e.t("无合同开工日期的项目签约后超过多少个月未开工即为逾期", "months after signing after which a project without a 合同开工日期 is overdue"))
	out := fs.String("out", "", e.t("输出文件（.csv）", "output file (.csv)"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	// The ledger is read whole and lives until the end: a million funds
	// rows make some 400 MB of cells that every collection would walk again.
	// Collecting less often saves about a quarter of the CPU time (issue
	// 16: 100,000 projects and 1,000,000 funds rows in under 2 s) for a
	// heap at most a few times the size of the cells.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	if *projects == "" || *funds == "" || *level == "" || *from == "" || *to == "" || *out == "" || fs.NArg() != 0 {
		return e.usageErr("--projects、--funds、--level、--from、--to 和 --out 均为必填",
			"--projects, --funds, --level, --from, --to and --out are required")
	}
	o, err := e.investOptions(*level, *from, *to, *scope, *cohort, *cohortYear, *overdue)
	if err != nil {
		return err
	}
	pt, err := openAnyTable(*projects, "")
	if err != nil {
		return err
	}
	ft, err := openAnyTable(*funds, "")
	if err != nil {
		return err
	}
	ledger, err := ledgerio.ReadLedger(pt, ft)
	var tmap map[ledgerio.TargetKey]float64
	if *targets != "" {
		tt, terr := openAnyTable(*targets, "")
		if terr == nil {
			tmap, terr = ledgerio.ReadTargets(tt)
		}
		err = joinTableErrors(err, terr)
	}
	if err != nil {
		return err
	}
	rows := invest.Compute(ledger, o)
	if tmap != nil {
		year := map[string]float64{}
		for k, v := range tmap {
			if k.Year == o.To.Year() {
				year[k.Unit] = v
			}
		}
		invest.ApplyTargets(rows, year)
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return writeInvestRows(w, rows, tmap != nil) })
}

// investOptions checks the options of invest metrics.
func (e *env) investOptions(level, from, to, scope, cohort, cohortYear string, overdue int) (invest.Options, error) {
	o := invest.Options{Cohort: cohort, OverdueMonths: overdue}
	var err error
	if o.Level, err = invest.ParseLevel(level); err != nil {
		return o, e.usageErr("--level 应为 province、prefecture、county 或 zone：%s", "--level must be province, prefecture, county or zone: %s", level)
	}
	var ok bool
	if o.From, ok = invest.ParseMonth(from); !ok {
		return o, e.usageErr("--from 应为 YYYY-MM：%s", "--from must be YYYY-MM: %s", from)
	}
	if o.To, ok = invest.ParseMonth(to); !ok {
		return o, e.usageErr("--to 应为 YYYY-MM：%s", "--to must be YYYY-MM: %s", to)
	}
	if o.From > o.To {
		return o, e.usageErr("--from %s 晚于 --to %s", "--from %s is after --to %s", from, to)
	}
	switch invest.CountyScope(scope) {
	case invest.ScopePrefecture, invest.ScopeCounty:
		o.Scope = invest.CountyScope(scope)
	default:
		return o, e.usageErr("--county-scope 应为 prefecture 或 county：%s", "--county-scope must be prefecture or county: %s", scope)
	}
	if cohort != "" && cohortYear != "" {
		return o, e.usageErr("--cohort 与 --cohort-year 只能选一个", "give --cohort or --cohort-year, not both")
	}
	if cohortYear != "" {
		y, err := strconv.Atoi(cohortYear)
		if err != nil || len(cohortYear) != 4 || y < 1000 {
			return o, e.usageErr("--cohort-year 应为 4 位年份：%s", "--cohort-year must be a 4-digit year: %s", cohortYear)
		}
		o.CohortYear = y
	}
	if overdue < 0 {
		return o, e.usageErr("--overdue-months 不能为负数：%d", "--overdue-months cannot be negative: %d", overdue)
	}
	return o, nil
}

// joinTableErrors reports the located problems of several files together.
func joinTableErrors(a, b error) error {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	ea, okA := a.(table.Errors)
	eb, okB := b.(table.Errors)
	if !okA || !okB {
		return a
	}
	return append(ea, eb...)
}

// writeInvestRows writes the metrics table (invest.Columns).
func writeInvestRows(w io.Writer, rows []invest.Row, targets bool) error {
	cw := csv.NewWriter(w)
	head := invest.Columns
	if targets {
		head = append(append([]string{}, head...), invest.TargetColumns...)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for i := range rows {
		if err := cw.Write(rows[i].Cells(targets)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
