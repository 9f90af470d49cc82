package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
)

// runZonesGrade is `qiangxian zones grade --enterprises E.csv|.xlsx
// --scheme S.toml --out G.csv [--year YYYY] [--sheet NAME] [--zones Z.csv]`:
// 亩均效益 grading of the enterprises (mujun.Grade).
//
// G has one row per enterprise of the year, in E's order:
// uscc,name,zone,subpark,eligible (1/0),score,rank,class,by_score,reason,
// then for each indicator of S its value (column named by its key) and
// its points (<key>_points); score, rank, class and the indicator
// columns are empty for an enterprise not graded, and a value is empty
// where undefined (not reported, or a zero denominator). reason joins the
// reasons (not graded, missing figures, overrides, quota moves) with ";".
// Z, when asked for, has one row per zone: zone, enterprises, then the
// indicators of mujun.Indicators under their names (mujun_graded,
// mujun_share_<class>, mujun_tax_per_mu and mujun_va_per_mu: Σ over Σ
// land) with the count of each class (mujun_count_<class>) before the
// shares. The year is --year, or the latest year of E's
// year column; it is needed when S asks for years in production.
func runZonesGrade(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("zones grade")
	epath := fs.String("enterprises", "", e.t("企业表 .csv 或 .xlsx（uscc,name,zone,land_owned,start_year,tax,…）",
		"enterprise table .csv or .xlsx (uscc,name,zone,land_owned,start_year,tax,…)"))
	sheet := fs.String("sheet", "", e.t("工作表名称（.xlsx；默认第一个）", "sheet name (.xlsx; default the first)"))
	spath := fs.String("scheme", "", e.t("亩均效益评价方案 .toml", "亩均效益 grading scheme .toml"))
	out := fs.String("out", "", e.t("输出 .csv：每家企业一行", "output .csv: one row per enterprise"))
	zpath := fs.String("zones", "", e.t("按开发区汇总的输出 .csv，可选", "per-zone roll-up output .csv, optional"))
	year := fs.Int("year", 0, e.t("评价年份（默认取企业表 year 列的最新年份）", "the year graded (default: the latest of the table's year column)"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if *epath == "" || *spath == "" || *out == "" {
		return e.usageErr("需要 --enterprises、--scheme 和 --out", "--enterprises, --scheme and --out are required")
	}
	src, err := os.ReadFile(*spath)
	if err != nil {
		return err
	}
	s, err := mujun.ParseScheme(*spath, src)
	if err != nil {
		return err
	}
	t, err := openAnyTable(*epath, *sheet)
	if err != nil {
		return err
	}
	ents, y, err := mujun.ReadEnterprises(t, *year)
	if err != nil {
		return err
	}
	if y == 0 && s.Eligibility.MinYears > 0 {
		return e.usageErr("方案要求投产年数，企业表没有 year 列时需要 --year", "the scheme tests years in production: --year is needed when the table has no year column")
	}
	res := mujun.Grade(ents, s, y)
	if err := writeFileAtomic(*out, func(w io.Writer) error { return e.writeGrades(w, s, ents, res) }); err != nil {
		return err
	}
	zs := mujun.Rollup(ents, res)
	if *zpath != "" {
		if err := writeFileAtomic(*zpath, func(w io.Writer) error { return writeRollups(w, s, zs) }); err != nil {
			return err
		}
	}
	counts := map[string]int{}
	graded := 0
	for _, r := range res {
		if r.Eligible {
			graded++
			counts[r.Class]++
		}
	}
	parts := make([]string, len(s.Classes))
	for i, c := range s.Classes {
		parts[i] = e.t("%s 类 %d", "%s %d", c.Name, counts[c.Name])
	}
	fmt.Fprintln(e.stdout, e.t("%d 家企业，%d 家参评（%s）；结果已写入 %s", "%d enterprises, %d graded (%s); results written to %s",
		len(ents), graded, strings.Join(parts, e.t("，", ", ")), *out))
	return nil
}

// zoneCell writes v, empty when undefined (NaN or infinite).
func zoneCell(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return table.FormatNumber(v)
}

func (e *env) writeGrades(w io.Writer, s *mujun.Scheme, ents []mujun.Enterprise, res []mujun.Result) error {
	cw := csv.NewWriter(w)
	head := []string{"uscc", "name", "zone", "subpark", "eligible", "score", "rank", "class", "by_score", "reason"}
	for _, in := range s.Indicators {
		head = append(head, in.Key)
	}
	for _, in := range s.Indicators {
		head = append(head, in.Key+"_points")
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	n := len(s.Indicators)
	for i, r := range res {
		en := &ents[i]
		reasons := make([]string, len(r.Reasons))
		for k, m := range r.Reasons {
			reasons[k] = m.In(e.lang)
		}
		row := []string{en.USCC, en.Name, en.Zone, en.SubPark, "0", "", "", "", "", strings.Join(reasons, ";")}
		if r.Eligible {
			row[4], row[5], row[6], row[7], row[8] = "1", zoneCell(r.Score), strconv.Itoa(r.Rank), r.Class, r.ByScore
		}
		vals := make([]string, 2*n)
		for k := 0; k < n && r.Eligible; k++ {
			vals[k], vals[n+k] = zoneCell(r.Values[k]), zoneCell(r.Points[k])
		}
		if err := cw.Write(append(row, vals...)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeRollups(w io.Writer, s *mujun.Scheme, zs []mujun.ZoneRollup) error {
	cw := csv.NewWriter(w)
	head := []string{"zone", "enterprises", "mujun_graded"}
	for _, c := range s.Classes {
		head = append(head, "mujun_count_"+c.Name)
	}
	for _, c := range s.Classes {
		head = append(head, "mujun_share_"+c.Name)
	}
	if err := cw.Write(append(head, "mujun_tax_per_mu", "mujun_va_per_mu")); err != nil {
		return err
	}
	for i := range zs {
		z := &zs[i]
		row := []string{z.Zone, strconv.Itoa(z.Enterprises), strconv.Itoa(z.Graded)}
		for _, c := range s.Classes {
			row = append(row, strconv.Itoa(z.Counts[c.Name]))
		}
		for _, c := range s.Classes {
			row = append(row, zoneCell(z.Share(c.Name)))
		}
		if err := cw.Write(append(row, zoneCell(z.TaxPerMu()), zoneCell(z.VAPerMu()))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
