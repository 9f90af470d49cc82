package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// This file reads the name-first CSV matrices of the calculators (weights,
// mcda) and writes their JSON: a header row, then one row per alternative
// (or criterion, for a pairwise matrix) whose first field is its name.

func init() {
	locale.Register(map[string][2]string{
		// calc.text carries a message already rendered in both languages
		// (the engine's CalcError), so that it can be located like any other.
		"calc.text":      {"%[1]s", "%[2]s"},
		"calc.missing":   {"缺少数值（计算器不允许缺失值）", "missing value (the calculators accept no missing values)"},
		"calc.noname":    {"名称为空", "the name is empty"},
		"calc.dupname":   {"名称 %q 重复（第 %d 行已出现）", "the name %q appears twice (first on line %d)"},
		"calc.nocrit":    {"表头应为名称列加至少一个指标列", "the header needs a name column and at least one criterion"},
		"calc.notsquare": {"判断矩阵应为方阵：表头有 %d 个准则，数据有 %d 行", "the pairwise matrix must be square: %d criteria in the header, %d rows"},
		"calc.rowname":   {"此行应为准则 %q（与表头同序），实际为 %q", "this row should be criterion %q (same order as the header), found %q"},
		"calc.recip":     {"判断矩阵不满足互反性：a(%[1]s,%[2]s) = %[3]s，而 a(%[2]s,%[1]s) = %[4]s，应约为 %.4[5]g", "the pairwise matrix is not reciprocal: a(%[1]s,%[2]s) = %[3]s but a(%[2]s,%[1]s) = %[4]s; it should be about %.4[5]g"},
	})
}

// calcMatrix is a name-first numeric matrix read from a CSV table.
type calcMatrix struct {
	t        *table.Table
	Names    []string    // row names (alternatives, or criteria of a pairwise matrix)
	Criteria []string    // column names, from the header
	Cols     [][]float64 // Cols[j][i]: row i, criterion j (the engine's layout)
}

// readCalcMatrix reads path as a name-first matrix.
func readCalcMatrix(path string) (*calcMatrix, error) {
	t, err := openTable(path)
	if err != nil {
		return nil, err
	}
	return parseCalcMatrix(t)
}

// parseCalcMatrix checks the names and parses every value cell, reporting
// all bad cells at once. Cells may be written as fractions ("1/3"), which
// pairwise matrices need; empty cells are errors.
func parseCalcMatrix(t *table.Table) (*calcMatrix, error) {
	if len(t.Header) < 2 {
		return nil, table.Errors{t.Errorf(-1, -1, locale.M("calc.nocrit"))}
	}
	m := &calcMatrix{t: t, Criteria: t.Header[1:], Cols: make([][]float64, len(t.Header)-1)}
	var errs table.Errors
	for c, h := range m.Criteria {
		if h == "" {
			errs = append(errs, t.Errorf(-1, c+1, locale.M("calc.noname")))
		}
	}
	seen := map[string]int{}
	for r, row := range t.Rows {
		name := strings.TrimSpace(row[0])
		switch first, dup := seen[name]; {
		case name == "":
			errs = append(errs, t.Errorf(r, 0, locale.M("calc.noname")))
		case dup:
			errs = append(errs, t.Errorf(r, 0, locale.M("calc.dupname", name, t.Lines[first])))
		default:
			seen[name] = r
		}
		m.Names = append(m.Names, name)
		for c := range m.Cols {
			v, ok := parseCalcNumber(row[c+1])
			switch {
			case !ok:
				errs = append(errs, t.Errorf(r, c+1, locale.M("table.number", row[c+1])))
			case engine.IsNA(v):
				errs = append(errs, t.Errorf(r, c+1, locale.M("calc.missing")))
			}
			m.Cols[c] = append(m.Cols[c], v)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

// parseCalcNumber parses a cell as table.ParseNumber does, and also a
// fraction p/q of two finite numbers with q ≠ 0.
func parseCalcNumber(s string) (float64, bool) {
	if v, ok := table.ParseNumber(s); ok {
		return v, true
	}
	p, q, found := strings.Cut(s, "/")
	if !found {
		return 0, false
	}
	a, ok1 := table.ParseNumber(p)
	b, ok2 := table.ParseNumber(q)
	if !ok1 || !ok2 || engine.IsNA(a) || engine.IsNA(b) || b == 0 {
		return 0, false
	}
	return a / b, true
}

// pairwise returns the matrix as rows, after checking that it is square
// with the criteria in the same order down the first column as across the
// header.
func (m *calcMatrix) pairwise() ([][]float64, error) {
	n := len(m.Criteria)
	if len(m.Names) != n {
		r := -1 // the header, which names the criteria
		if len(m.Names) > n {
			r = n // the first row too many
		}
		return nil, m.t.Errorf(r, -1, locale.M("calc.notsquare", n, len(m.Names)))
	}
	var errs table.Errors
	for i, name := range m.Names {
		if name != m.Criteria[i] {
			errs = append(errs, m.t.Errorf(i, 0, locale.M("calc.rowname", m.Criteria[i], name)))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	a := make([][]float64, n)
	for i := range a {
		a[i] = make([]float64, n)
		for j := range a[i] {
			a[i][j] = m.Cols[j][i]
		}
	}
	return a, nil
}

// locate turns an engine calculator error into an error at the cell of
// the file it concerns; other errors pass through.
func (m *calcMatrix) locate(err error) error {
	var ce *engine.CalcError
	if !errors.As(err, &ce) {
		return err
	}
	msg := locale.M("calc.text", ce.Message("zh"), ce.Message("en"))
	if ce.Kind == engine.CalcNotReciprocal && ce.Row < len(m.Names) && ce.Col < len(m.Criteria) {
		// Name the two criteria rather than matrix coordinates, which a
		// reader would confuse with the file's columns.
		msg = locale.M("calc.recip", m.Names[ce.Row], m.Criteria[ce.Col],
			strconv.FormatFloat(ce.Value, 'g', -1, 64), strconv.FormatFloat(ce.Other, 'g', -1, 64), 1/ce.Other)
	}
	switch {
	case ce.Row >= 0 && ce.Row < len(m.t.Rows):
		col := -1
		if ce.Col >= 0 {
			col = ce.Col + 1
		}
		return m.t.Errorf(ce.Row, col, msg)
	case ce.Col >= 0 && ce.Row < 0 && ce.Kind != engine.CalcBadDirection && ce.Kind != engine.CalcBadWeight:
		return m.t.Errorf(-1, ce.Col+1, msg) // a whole criterion: its header cell
	}
	return &table.Error{File: m.t.File, Msg: msg}
}

// parseList splits a comma-separated flag value.
func parseList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// parseTypes reads --types: + (or 1, max) for a benefit, - (or -1, min)
// for a cost.
func (e *env) parseTypes(s string, n int) ([]float64, error) {
	parts := parseList(s)
	if len(parts) != n {
		return nil, e.usageErr("--types 有 %d 项，数据有 %d 个指标", "--types has %d entries, the data has %d criteria", len(parts), n)
	}
	dirs := make([]float64, n)
	for j, p := range parts {
		switch p {
		case "+", "1", "+1", "max":
			dirs[j] = engine.Benefit
		case "-", "−", "-1", "min":
			dirs[j] = engine.Cost
		default:
			return nil, e.usageErr("--types 第 %d 项 %q 无效：应为 + 或 -", "--types entry %d %q is invalid: use + or -", j+1, p)
		}
	}
	return dirs, nil
}

// parseWeights reads --weights: numbers (or fractions) ≥ 0.
func (e *env) parseWeights(s string, n int) ([]float64, error) {
	parts := parseList(s)
	if len(parts) != n {
		return nil, e.usageErr("--weights 有 %d 项，数据有 %d 个指标", "--weights has %d entries, the data has %d criteria", len(parts), n)
	}
	w := make([]float64, n)
	for j, p := range parts {
		v, ok := parseCalcNumber(p)
		if !ok || engine.IsNA(v) || v < 0 {
			return nil, e.usageErr("--weights 第 %d 项 %q 无效：应为非负数", "--weights entry %d %q is invalid: use a number ≥ 0", j+1, p)
		}
		w[j] = v
	}
	return w, nil
}

// jsonObject returns {"k1": v1, …} with the keys in the given order; the
// values are JSON already.
func jsonObject(keys, vals []string) string {
	var b strings.Builder
	b.WriteString("{")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		q, _ := json.Marshal(k)
		fmt.Fprintf(&b, "%s: %s", q, vals[i])
	}
	b.WriteString("}")
	return b.String()
}

// jsonNumbers formats floats with the fewest digits that read back exactly.
func jsonNumbers(x []float64) []string {
	out := make([]string, len(x))
	for i, v := range x {
		out[i] = strconv.FormatFloat(v, 'g', -1, 64)
	}
	return out
}
