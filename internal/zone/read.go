package zone

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/table"
)

// History columns: the first six are required, the others optional.
var (
	historyCols  = []string{"period", "unit", "group", "group_rank", "score", "grade"}
	optionalCols = []string{"established", "merging", "grade_cap"}
)

// ReadHistory reads a grade history table and completes it with Build:
// columns period, unit, group, group_rank, score, grade (in any order,
// others ignored) and optionally established (the year the unit was set
// up), merging (1, true or 是 while the unit is being merged; 0, false,
// 否 or empty otherwise) and grade_cap (the best grade the unit may be
// given that period, e.g. 良好 for a park of safety-risk class A). Every
// problem is returned as located table Errors. An empty grade needs grades
// to compute it.
func ReadHistory(t *table.Table, grades []method.Grade) (*History, error) {
	return ReadHistoryWith(t, grades, nil)
}

// ReadHistoryWith reads t as ReadHistory does and adds current, the
// records of a period just evaluated (their empty grades stay empty when
// there are no grades); a row of t in a period of current is an error.
func ReadHistoryWith(t *table.Table, grades []method.Grade, current []Record) (*History, error) {
	evaluated := map[string]bool{}
	for _, r := range current {
		evaluated[r.Period] = true
	}
	col := map[string]int{}
	var errs table.Errors
	for _, name := range historyCols {
		if col[name] = t.Col(name); col[name] < 0 {
			errs = append(errs, t.MissingColumn(name))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for _, name := range optionalCols {
		col[name] = t.Col(name)
	}
	if len(t.Rows) == 0 && len(current) == 0 {
		return nil, table.Errors{t.Errorf(-1, -1, locale.M("table.norows"))}
	}
	recs := make([]Record, 0, len(t.Rows))
	rows := make([]int, 0, len(t.Rows)) // the table row of every record
	bad := 0                            // errors before the row
	for i, row := range t.Rows {
		for _, c := range col {
			if c >= 0 && !utf8.ValidString(row[c]) {
				errs = append(errs, t.Errorf(i, c, locale.M("table.utf8")))
			}
		}
		r := Record{Period: strings.TrimSpace(row[col["period"]]), Unit: row[col["unit"]], Group: row[col["group"]],
			Grade: strings.TrimSpace(row[col["grade"]])}
		switch {
		case r.Period == "":
			errs = append(errs, t.Errorf(i, col["period"], locale.M("zone.empty", "period")))
		case evaluated[r.Period]:
			errs = append(errs, t.Errorf(i, col["period"], locale.M("zone.evaluated", r.Period)))
		}
		if r.Grade == "" && len(grades) == 0 {
			errs = append(errs, t.Errorf(i, col["grade"], locale.M("zone.nogrades")))
		}
		if strings.TrimSpace(r.Unit) == "" {
			errs = append(errs, t.Errorf(i, col["unit"], locale.M("zone.empty", "unit")))
		}
		r.GroupRank = t.Number(i, col["group_rank"], &errs)
		if r.GroupRank < 1 {
			errs = append(errs, t.Errorf(i, col["group_rank"], locale.M("zone.rank", r.GroupRank)))
		}
		r.Score = t.Number(i, col["score"], &errs)
		if c := col["established"]; c >= 0 && strings.TrimSpace(row[c]) != "" {
			y, err := strconv.Atoi(strings.TrimSpace(row[c]))
			if err != nil || y == 0 {
				errs = append(errs, t.Errorf(i, c, locale.M("zone.established", row[c])))
			}
			r.Established = y
		}
		if c := col["grade_cap"]; c >= 0 {
			r.Cap = strings.TrimSpace(row[c])
		}
		if c := col["merging"]; c >= 0 {
			switch strings.ToLower(strings.TrimSpace(row[c])) {
			case "1", "true", "是":
				r.Merging = true
			case "", "0", "false", "否":
			default:
				errs = append(errs, t.Errorf(i, c, locale.M("zone.merging", row[c])))
			}
		}
		if len(errs) == bad {
			recs, rows = append(recs, r), append(rows, i)
		}
		bad = len(errs)
	}
	// The rows without errors are completed too, so that every problem
	// is reported at once.
	h, err := Build(append(recs, current...), grades)
	var probs Problems
	if errors.As(err, &probs) {
		for _, p := range probs {
			if p.Record >= len(rows) {
				r := current[p.Record-len(rows)]
				errs = append(errs, &table.Error{File: t.File, Msg: locale.M("zone.current", r.Unit, r.Period, p.Field, localized(p.Msg))})
				continue
			}
			errs = append(errs, t.Errorf(rows[p.Record], col[p.Field], p.Msg))
		}
	} else if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, sortErrors(errs)
	}
	return h, nil
}

// Change kinds of a changes table.
const (
	ChangeRename  = "rename"  // 更名: unit continues as successor
	ChangeMerge   = "merge"   // 整合: unit is merged into successor
	ChangeUpgrade = "upgrade" // 升级: unit upgraded in period
)

// ChangeRow is a row of a changes table.
type ChangeRow struct {
	Change, Unit, Successor, Period string
}

// ReadChanges reads a changes table: columns change (rename, merge or
// upgrade), unit, successor (rename and merge) and period (upgrade: the
// first period at the new level; informative for the others).
func ReadChanges(t *table.Table) (Changes, error) {
	c, _, err := ReadChangeList(t)
	return c, err
}

// ReadChangeList reads a changes table as ReadChanges does and also
// returns its rows, in order.
func ReadChangeList(t *table.Table) (Changes, []ChangeRow, error) {
	var list []ChangeRow
	c := Changes{Successor: map[string]string{}, Upgraded: map[string]string{}}
	col := map[string]int{}
	var errs table.Errors
	for _, name := range []string{"change", "unit", "successor", "period"} {
		if col[name] = t.Col(name); col[name] < 0 {
			errs = append(errs, t.MissingColumn(name))
		}
	}
	if len(errs) > 0 {
		return c, nil, errs
	}
	for i, row := range t.Rows {
		unit, succ, period := row[col["unit"]], row[col["successor"]], strings.TrimSpace(row[col["period"]])
		if strings.TrimSpace(unit) == "" {
			errs = append(errs, t.Errorf(i, col["unit"], locale.M("zone.empty", "unit")))
			continue
		}
		kind := strings.TrimSpace(row[col["change"]])
		list = append(list, ChangeRow{Change: kind, Unit: unit, Successor: succ, Period: period})
		switch kind {
		case ChangeRename, ChangeMerge:
			switch {
			case strings.TrimSpace(succ) == "", succ == unit:
				errs = append(errs, t.Errorf(i, col["successor"], locale.M("zone.successor")))
			case c.Successor[unit] != "" && c.Successor[unit] != succ:
				errs = append(errs, t.Errorf(i, col["successor"], locale.M("zone.twosucc", unit)))
			default:
				c.Successor[unit] = succ
				if c.Validate() != nil {
					delete(c.Successor, unit)
					errs = append(errs, t.Errorf(i, col["successor"], locale.M("zone.cycle")))
				}
			}
		case ChangeUpgrade:
			if period == "" {
				errs = append(errs, t.Errorf(i, col["period"], locale.M("zone.empty", "period")))
			}
			c.Upgraded[unit] = period
		default:
			errs = append(errs, t.Errorf(i, col["change"], locale.M("zone.change", kind)))
		}
	}
	return c, list, sortErrors(errs).Err()
}

// sortErrors orders errors by line, then column.
func sortErrors(es table.Errors) table.Errors {
	slices.SortStableFunc(es, func(a, b *table.Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return es
}

// localized lets a message be the argument of another.
type localized locale.Message

func (m localized) Message(lang string) string { return locale.Message(m).In(locale.Lang(lang)) }

func init() {
	locale.Register(map[string][2]string{
		"zone.nogrades":    {"等级为空，且规则中没有 [[grade]] 可据以评定", "the grade is empty and the rules have no [[grade]] to compute it"},
		"zone.evaluated":   {"%s 期是本次评价的期别，不应出现在历史中", "period %s is the period being evaluated and cannot be in the history"},
		"zone.current":     {"本期单位 %s（%s）：%s：%s", "unit %s of the evaluated period %s: %s: %s"},
		"zone.empty":       {"%s 不能为空", "%s cannot be empty"},
		"zone.established": {"设立年份应为整数年份，实际为 %q", "the establishment year must be a whole year, found %q"},
		"zone.merging":     {"merging 应为 1/0、true/false 或 是/否，实际为 %q", "merging must be 1/0, true/false or 是/否, found %q"},
		"zone.successor":   {"更名或整合须给出另一个单位作为 successor", "a rename or merger needs another unit as successor"},
		"zone.twosucc":     {"单位 %s 已有另一个 successor", "unit %s already has another successor"},
		"zone.change":      {"change 应为 rename、merge 或 upgrade，实际为 %q", "change must be rename, merge or upgrade, found %q"},
	})
}
