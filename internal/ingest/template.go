package ingest

import (
	"context"
	"errors"
	"fmt"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// ErrForbidden is wrapped by the errors of a user who may not import (or
// download a template for) the kind of data at all; errors.As still finds
// the located table.Errors in them.
var ErrForbidden = errors.New("ingest: not allowed")

// forbidden is a refusal that is both ErrForbidden and located errors.
type forbidden struct{ errs table.Errors }

func (f forbidden) Error() string   { return f.errs.Error() }
func (f forbidden) Unwrap() []error { return []error{ErrForbidden, f.errs} }

// The sheet names of a template.
const (
	TemplateSheet = "数据"
	NotesSheet    = "说明"
)

// Template returns the workbook a user downloads to report figures for
// period: the sheet 数据 with a row for every county she may report and a
// column for every indicator she may report (headed 名称（code）), each
// followed by a column of the previous year's figures (headed 参考：…,
// which the import skips), and the sheet 说明 with the indicators' units,
// departments and definitions. Its 期间 column lets the filled workbook be
// imported without giving the period again.
func Template(ctx context.Context, db *store.DB, user auth.User, period string) ([]xlsx.Sheet, error) {
	p, err := store.ParsePeriod(period)
	if err != nil {
		return nil, err
	}
	c, err := loadCatalogue(ctx, db)
	if err != nil {
		return nil, err
	}
	counties, err := db.Units(ctx, store.UnitFilter{Kind: store.UnitCounty})
	if err != nil {
		return nil, err
	}
	all, err := db.Indicators(ctx, "")
	if err != nil {
		return nil, err
	}
	// The columns: indicators she may write for at least one county; the
	// rows: counties for which she may write at least one of them.
	can := func(u store.Unit, ind store.Indicator) bool {
		return auth.Can(user, auth.Write, auth.Resource{Kind: auth.KindObservation, Unit: u.Code,
			Prefecture: c.prefecture(u.Code), Department: ind.Department})
	}
	var inds []store.Indicator
	var units []store.Unit
	used := map[string]bool{}
	for _, u := range counties {
		for _, ind := range all {
			if can(u, ind) {
				used[ind.Code] = true
				if len(units) == 0 || units[len(units)-1].Code != u.Code {
					units = append(units, u)
				}
			}
		}
	}
	for _, ind := range all {
		if used[ind.Code] {
			inds = append(inds, ind)
		}
	}
	if len(inds) == 0 {
		return nil, fmt.Errorf("%w: %s may not report any indicator", ErrForbidden, user.Name)
	}
	prev := previousPeriod(p)
	last := map[store.ObservationKey]float64{}
	codes := make([]string, len(inds))
	for i, ind := range inds {
		codes[i] = ind.Code
	}
	obs, err := db.Observations(ctx, store.ObservationFilter{Periods: []string{prev.Code}, Indicators: codes})
	if err != nil {
		return nil, err
	}
	for _, o := range obs {
		last[store.ObservationKey{Unit: o.Unit, Indicator: o.Indicator}] = o.Value
	}
	header := []any{"代码", "名称", "市州", "期间"}
	widths := []float64{9, 24, 12, 9}
	for _, ind := range inds {
		header = append(header, fmt.Sprintf("%s（%s）", ind.NameZH, ind.Code),
			fmt.Sprintf("%s：%s %s", ReferencePrefix, prev.Label(), ind.Code))
		widths = append(widths, 16, 14)
	}
	rows := [][]any{header}
	for _, u := range units {
		pref := ""
		if pu, ok := c.units[c.prefecture(u.Code)]; ok {
			pref = pu.Name
		}
		row := []any{u.Code, u.Name, pref, p.Code}
		for _, ind := range inds {
			var ref any
			if v, ok := last[store.ObservationKey{Unit: u.Code, Indicator: ind.Code}]; ok {
				ref = v // NaN (a figure known to be missing) writes as blank
			}
			row = append(row, nil, ref)
		}
		rows = append(rows, row)
	}
	return []xlsx.Sheet{
		{Name: TemplateSheet, Rows: rows, Widths: widths, BoldHeader: true, FreezeHeader: true},
		{Name: NotesSheet, Rows: templateNotes(p, prev, inds), Widths: []float64{16, 24, 10, 20, 80}, BoldHeader: true},
	}, nil
}

// previousPeriod is the same period a year earlier: 2021 for 2022,
// 2022-M06 for 2023-M06.
func previousPeriod(p store.Period) store.Period {
	q := p
	q.Year--
	if p.Kind == store.PeriodYear {
		q.Code = fmt.Sprint(q.Year)
	} else {
		q.Code = fmt.Sprintf("%d-M%02d", q.Year, q.Month)
	}
	return q
}

// templateNotes is the sheet 说明: how to fill the template, and the
// indicators.
func templateNotes(p, prev store.Period, inds []store.Indicator) [][]any {
	rows := [][]any{
		{"项目", "内容"},
		{"期间", p.Label() + "（" + p.Code + "）"},
		{"填写", "在“数据”表中按单位逐行填写各指标数值（只填数字，按“说明”中的计量单位；百分比填数值，如 6.5 表示 6.5%）。"},
		{"空单元格", "不导入，原有数值保持不变；要把某个数值登记为缺失，请填 NA。"},
		{"参考列", "标题以“" + ReferencePrefix + "”开头的列是" + prev.Label() + "数值，仅供核对，导入时忽略。"},
		{"导入", "所有错误一次列出（工作表!单元格：原因）；有任何错误时不导入任何数据；无误时整表作为一次修订导入。"},
		{},
		{"指标代码", "指标名称", "计量单位", "提供部门", "指标解释"},
	}
	for _, ind := range inds {
		rows = append(rows, []any{ind.Code, ind.NameZH, ind.Unit, ind.Department, ind.Definition})
	}
	return rows
}
