package ingest

import (
	"context"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
)

func init() {
	locale.Register(map[string][2]string{
		"ingest.indicator": {"未知的指标 %q", "unknown indicator %q"},
		"ingest.duptarget": {"单位 %s 的指标 %s 在期间 %s 的目标重复（第一次在第 %d 行）", "the target of unit %s for %s in %s is given twice (first on line %d)"},
		"ingest.notargets": {"表中没有目标值", "the table has no targets"},
	})
}

// ImportTargets imports a targets table (单位代码, 指标, 目标值, 备注;
// optionally 期间) as one revision: a unit's target for an indicator in the
// period of opts.Period or of the row's 期间. An empty 目标值 records that
// the unit has no target. Only users who may write targets (the provincial
// office) may import them.
func ImportTargets(ctx context.Context, db *store.DB, actor store.Actor, user auth.User, t *table.Table, opts Options) (store.Revision, error) {
	opts.Note = withDefaults(opts.Note, "targets", t)
	rows, err := CheckTargets(ctx, db, user, t, opts)
	if err != nil {
		return store.Revision{}, err
	}
	rev, err := db.ImportTargets(ctx, actor, opts.Note, rows)
	return rev, wrapStore(err, "targets")
}

// CheckTargets checks a targets table as ImportTargets does and returns the
// targets it would import, without writing anything.
func CheckTargets(ctx context.Context, db *store.DB, user auth.User, t *table.Table, opts Options) ([]store.Target, error) {
	l := &errorList{t: t}
	if !auth.Can(user, auth.Write, auth.Resource{Kind: auth.KindTarget, Department: user.Department}) {
		l.file("ingest.norights", who(user), message("ingest.what.target"))
		return nil, forbidden{l.errs}
	}
	c, err := loadCatalogue(ctx, db)
	if err != nil {
		return nil, err
	}
	cu, ci, cv := findColumn(t, eventUnitColumns), findColumn(t, []string{"指标", "indicator"}), findColumn(t, []string{"目标值", "target"})
	for i, c := range []int{cu, ci, cv} {
		if c < 0 {
			l.add(t.MissingColumn([]string{"单位代码", "指标", "目标值"}[i]))
		}
	}
	cp, cn := findColumn(t, periodColumns), findColumn(t, noteColumns)
	def, periodOK := defaultPeriod(l, opts.Period, cp >= 0)
	if len(l.errs) > 0 || !periodOK {
		return nil, l.err()
	}
	type key struct{ unit, ind, period string }
	first := map[key]int{}
	var out []store.Target
	for r, row := range t.Rows {
		tg := store.Target{Unit: strings.TrimSpace(row[cu]), Period: periodOf(l, r, cp, def)}
		_, known := c.units[tg.Unit]
		if !known {
			if tg.Unit == "" {
				l.at(r, cu, "ingest.nocode")
			} else {
				l.at(r, cu, "ingest.unit", tg.Unit)
			}
		}
		raw := strings.TrimSpace(row[ci])
		code, ok := c.indicatorOf(raw)
		if !ok {
			l.at(r, ci, "ingest.indicator", raw)
		}
		tg.Indicator = code
		var why string
		var args []any
		if tg.Value, why, args = t.CellNumber(r, cv); why != "" {
			l.at(r, cv, why, args...)
		}
		if cn >= 0 {
			tg.Note = strings.TrimSpace(row[cn])
		}
		if known && ok && tg.Period != "" {
			k := key{tg.Unit, code, tg.Period}
			if line, dup := first[k]; dup {
				l.at(r, ci, "ingest.duptarget", tg.Unit, code, tg.Period, line)
			} else {
				first[k] = t.Lines[r]
			}
			res := auth.Resource{Kind: auth.KindTarget, Unit: tg.Unit, Prefecture: c.prefecture(tg.Unit),
				Department: c.indicators[code].Department}
			if !auth.Can(user, auth.Write, res) {
				l.at(r, ci, "ingest.forbidcell", who(user), tg.Unit, code)
			}
		}
		out = append(out, tg)
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		l.file("ingest.notargets")
		return nil, l.err()
	}
	return out, nil
}
