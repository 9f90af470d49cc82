package ingest

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
)

func init() {
	locale.Register(map[string][2]string{
		"ingest.date":      {"日期应为 YYYY-MM-DD，实际为 %q", "the date must be YYYY-MM-DD, found %q"},
		"ingest.dateout":   {"日期 %s 不在期间 %s 内", "the date %s is outside the period %s"},
		"ingest.notype":    {"事件类型为空", "the event type is empty"},
		"ingest.eventtype": {"未知的事件类型 %q（已存评价方法定义的类型：%s）", "unknown event type %q (the stored methods define: %s)"},
		"ingest.nodept":    {"提供部门为空", "the providing department is empty"},
		"ingest.forbidevt": {"您的账号（%s）无权导入%s提供的事件", "your account (%s) may not import events provided by %s"},
		"ingest.noevents":  {"表中没有事件", "the table has no events"},
	})
}

// The columns of the events table, as evaluate --events reads them.
var (
	eventUnitColumns = []string{"单位代码", "代码", "unit"}
	eventColumns     = map[string][]string{
		"date": {"日期", "date"}, "type": {"事件类型", "type"}, "dept": {"提供部门", "department"},
		"doc": {"文号", "document"}, "note": {"备注", "note"},
	}
)

// ImportEvents imports an events table (单位代码, 日期, 事件类型, 提供部门,
// 文号, 备注) as one revision; the points an event costs or earns are the
// method's (its event types), not the table's. Every unit must be
// known, every date a day (YYYY-MM-DD, or an Excel date) within
// opts.Period when given, and every type one that a stored method defines
// (any type when no method defines one). A department user imports the
// events her department provides; an empty 提供部门 is hers.
func ImportEvents(ctx context.Context, db *store.DB, actor store.Actor, user auth.User, t *table.Table, opts Options) (store.Revision, error) {
	opts.Note = withDefaults(opts.Note, "events", t)
	events, err := CheckEvents(ctx, db, user, t, opts)
	if err != nil {
		return store.Revision{}, err
	}
	rev, _, err := db.RecordEvents(ctx, actor, opts.Note, events)
	return rev, wrapStore(err, "events")
}

// CheckEvents checks an events table as ImportEvents does and returns the
// events it would record, without writing anything.
func CheckEvents(ctx context.Context, db *store.DB, user auth.User, t *table.Table, opts Options) ([]store.Event, error) {
	l := &errorList{t: t}
	if !auth.Can(user, auth.Write, auth.Resource{Kind: auth.KindEvent, Department: user.Department}) {
		l.file("ingest.norights", who(user), message("ingest.what.events"))
		return nil, forbidden{l.errs}
	}
	c, err := loadCatalogue(ctx, db)
	if err != nil {
		return nil, err
	}
	types, err := eventTypes(ctx, db)
	if err != nil {
		return nil, err
	}
	cu := findColumn(t, eventUnitColumns)
	if cu < 0 {
		l.add(t.MissingColumn(eventUnitColumns[0]))
	}
	col := map[string]int{}
	for k, names := range eventColumns {
		if col[k] = findColumn(t, names); col[k] < 0 && (k == "date" || k == "type") {
			l.add(t.MissingColumn(names[0]))
		}
	}
	var from, to time.Time
	period := ""
	if strings.TrimSpace(opts.Period) != "" {
		p, err := store.ParsePeriod(opts.Period)
		if err != nil {
			l.file("ingest.period", opts.Period)
		} else {
			period, from, to = p.Code, periodStart(p), periodEnd(p)
		}
	}
	if len(l.errs) > 0 {
		return nil, l.err()
	}
	get := func(row []string, k string) string {
		if i := col[k]; i >= 0 {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	var out []store.Event
	for r, row := range t.Rows {
		e := store.Event{Unit: strings.TrimSpace(row[cu]), Type: get(row, "type"), Department: get(row, "dept"),
			Document: get(row, "doc"), Note: get(row, "note"), Points: math.NaN()}
		if _, ok := c.units[e.Unit]; !ok {
			if e.Unit == "" {
				l.at(r, cu, "ingest.nocode")
			} else {
				l.at(r, cu, "ingest.unit", e.Unit)
			}
		}
		raw := get(row, "date")
		day, ok := parseDay(raw)
		switch {
		case !ok:
			l.at(r, col["date"], "ingest.date", raw)
		case period != "" && (day.Before(from) || !day.Before(to)):
			l.at(r, col["date"], "ingest.dateout", day.Format(time.DateOnly), period)
		}
		e.Date = day
		switch {
		case e.Type == "":
			l.at(r, col["type"], "ingest.notype")
		case len(types) > 0 && !slices.Contains(types, e.Type):
			l.at(r, col["type"], "ingest.eventtype", e.Type, strings.Join(types, "、"))
		}
		if e.Department == "" {
			e.Department = user.Department
		}
		res := auth.Resource{Kind: auth.KindEvent, Unit: e.Unit, Prefecture: c.prefecture(e.Unit), Department: e.Department}
		if !auth.Can(user, auth.Write, res) {
			c := col["dept"]
			if c < 0 {
				c = cu
			}
			l.at(r, c, "ingest.forbidevt", who(user), e.Department)
		}
		out = append(out, e)
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		l.file("ingest.noevents")
		return nil, l.err()
	}
	return out, nil
}

// eventTypes returns the event types the stored methods define, sorted.
// A stored method that no longer parses (an older format) is left out:
// it cannot run either.
func eventTypes(ctx context.Context, db *store.DB) ([]string, error) {
	ms, err := db.Methods(ctx)
	if err != nil {
		return nil, err
	}
	var types []string
	for _, sm := range ms {
		m, err := method.Parse(sm.Name, []byte(sm.TOML))
		if err != nil {
			continue
		}
		for _, et := range m.Events {
			if !slices.Contains(types, et.Type) {
				types = append(types, et.Type)
			}
		}
	}
	slices.Sort(types)
	return types, nil
}

// parseDay reads YYYY-MM-DD (also YYYY/MM/DD), or a date cell of a workbook,
// which the reader gives as Excel's serial day number.
func parseDay(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "2006/1/2", "2006-1-2"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, true
		}
	}
	// Serial days count from 1899-12-30 in the 1900 date system (Excel's
	// leap-year bug makes that the epoch for every date after February 1900).
	if n, err := strconv.Atoi(s); err == nil && n > 60 && n < 2958466 {
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n), true
	}
	return time.Time{}, false
}

// periodStart is the first day of p: 1 January of its year, since monthly
// periods are cumulative from January.
func periodStart(p store.Period) time.Time { return time.Date(p.Year, 1, 1, 0, 0, 0, 0, time.UTC) }

// periodEnd is the day after p ends.
func periodEnd(p store.Period) time.Time {
	if p.Kind == store.PeriodYear {
		return time.Date(p.Year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(p.Year, time.Month(p.Month)+1, 1, 0, 0, 0, 0, time.UTC)
}
