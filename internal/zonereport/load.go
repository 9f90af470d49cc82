// Package zonereport assembles what the zone pages and the zone notice show:
// a held year's assessment of the development zones read from the store
// (grade history, registry, changes and the year's method) and run through
// the rules of package zone — grades, streaks and management warnings —
// and the zone assessment notice built from it. The notice builder is kept
// small and separate so that it can move onto the shared notice model.
package zonereport

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone"
)

// Row is a zone's result in the view's year.
type Row struct {
	zone.Result
	Zone       zone.Zone // from the registry; Name = code for a code no longer in it
	Prefecture string    // code of the host's prefecture
}

// View is the assessment of the zones in one held year.
type View struct {
	Year    int
	Years   []int // every held year, oldest first
	Method  *method.Method
	Rows    []Row // by group, then group rank, then code
	Groups  []string
	Grades  []string // the method's grade names, from the top
	History *zone.History
	Changes zone.Changes
	Zones   map[string]zone.Zone
	// Run is the zone run the year's results come from: the published one,
	// or the unpublished one the office (or, during 公示, the public) looks
	// at (LoadRun); nil for a year whose grades were imported.
	Run *store.Run
}

// Load assesses the zones of year (0: the latest held year) from the
// published history: imported years and the published zone runs. It
// returns store.ErrNotFound when no zone was assessed.
func Load(ctx context.Context, db *store.DB, year int) (*View, error) {
	gs, err := db.ZoneGrades(ctx)
	if err != nil {
		return nil, err
	}
	v, err := load(ctx, db, gs, year, 0)
	if err != nil {
		return nil, err
	}
	if run, ok, err := db.PublishedZoneRun(ctx, v.Year); err != nil {
		return nil, err
	} else if ok {
		v.Run = &run
	}
	return v, nil
}

// LoadRun assesses the zones of a zone run's year with the run's results
// in place of the year's published ones (if any) and the run's method:
// what the run will publish, streaks and warnings included.
func LoadRun(ctx context.Context, db *store.DB, run store.Run) (*View, error) {
	year, err := strconv.Atoi(run.Period)
	if err != nil || run.Domain != store.DomainZone {
		return nil, fmt.Errorf("%w: run %d is not a zone run", store.ErrNotFound, run.ID)
	}
	all, err := db.ZoneGrades(ctx)
	if err != nil {
		return nil, err
	}
	gs := all[:0:0]
	for _, g := range all {
		if g.Year != year {
			gs = append(gs, g)
		}
	}
	own, err := db.ZoneRunGrades(ctx, run.ID)
	if err != nil {
		return nil, err
	}
	gs = append(gs, own...)
	slices.SortStableFunc(gs, func(a, b store.ZoneGrade) int { return cmp.Compare(a.Year, b.Year) })
	v, err := load(ctx, db, gs, year, run.MethodID)
	if err != nil {
		return nil, err
	}
	v.Run = &run
	return v, nil
}

// load assesses year (0: the latest) of the grade history gs (by year)
// with the method methodID (0: the year's zone method).
func load(ctx context.Context, db *store.DB, gs []store.ZoneGrade, year int, methodID int64) (*View, error) {
	if len(gs) == 0 {
		return nil, fmt.Errorf("%w: no zone grades", store.ErrNotFound)
	}
	v := &View{Zones: map[string]zone.Zone{}}
	for _, g := range gs {
		if len(v.Years) == 0 || v.Years[len(v.Years)-1] != g.Year {
			v.Years = append(v.Years, g.Year)
		}
	}
	if year == 0 {
		year = v.Years[len(v.Years)-1]
	}
	if !slices.Contains(v.Years, year) {
		return nil, fmt.Errorf("%w: no zone assessment in %d", store.ErrNotFound, year)
	}
	v.Year = year
	zs, err := db.Zones(ctx)
	if err != nil {
		return nil, err
	}
	for _, z := range zs {
		v.Zones[z.Code] = z
	}
	var sm store.Method
	if methodID != 0 {
		sm, err = db.Method(ctx, methodID)
	} else {
		sm, err = db.ZoneMethod(ctx, year)
	}
	if err != nil {
		return nil, err
	}
	if v.Method, err = method.Parse(sm.Name+".toml", []byte(sm.TOML)); err != nil {
		return nil, err
	}
	for _, g := range v.Method.Grades {
		v.Grades = append(v.Grades, g.Name)
	}
	if _, v.Changes, err = db.ZoneChanges(ctx); err != nil {
		return nil, err
	}
	ps, err := db.AllZonePositions(ctx)
	if err != nil {
		return nil, err
	}
	type zy struct {
		zone string
		year int
	}
	positions := map[zy]map[string]int{}
	for _, p := range ps {
		k := zy{p.Zone, p.Year}
		if positions[k] == nil {
			positions[k] = map[string]int{}
		}
		positions[k][p.List] = p.Position
	}
	recs := make([]zone.Record, len(gs))
	for i, g := range gs {
		recs[i] = zone.Record{Period: strconv.Itoa(g.Year), Unit: g.Zone, Group: g.Group, GroupRank: g.GroupRank,
			Score: g.Score, Grade: g.Grade, Established: v.Zones[g.Zone].ApprovalYear, Positions: positions[zy{g.Zone, g.Year}]}
	}
	if v.History, err = zone.Build(recs, v.Method.Grades); err != nil {
		return nil, err
	}
	res, err := zone.Assess(v.History, v.Method.Management, v.Changes, strconv.Itoa(year))
	if err != nil {
		return nil, err
	}
	for _, r := range res {
		z, ok := v.Zones[r.Unit]
		if !ok {
			z = zone.Zone{Code: r.Unit, Name: r.Unit, AreaApproved: math.NaN(), Lat: math.NaN(), Lon: math.NaN()}
		}
		pref := z.Host
		if len(pref) == 6 {
			pref = pref[:4] + "00"
		}
		v.Rows = append(v.Rows, Row{Result: r, Zone: z, Prefecture: pref})
		if !slices.Contains(v.Groups, r.Group) {
			v.Groups = append(v.Groups, r.Group)
		}
	}
	slices.SortFunc(v.Rows, func(a, b Row) int {
		return cmp.Or(cmp.Compare(slices.Index(v.Groups, a.Group), slices.Index(v.Groups, b.Group)),
			cmp.Compare(a.GroupRank, b.GroupRank), cmp.Compare(a.Unit, b.Unit))
	})
	return v, nil
}

// Row returns the view's row of a zone.
func (v *View) Row(code string) (Row, bool) {
	i := slices.IndexFunc(v.Rows, func(r Row) bool { return r.Unit == code })
	if i < 0 {
		return Row{}, false
	}
	return v.Rows[i], true
}

// Held is a zone's record in one held year (Grade "" and Absent when it
// was not assessed).
type Held struct {
	Year   int
	Code   string // the code it had then (a former code after a rename, a part after a merger)
	Record zone.Record
	Absent bool
}

// ZoneHistory returns a zone's records over the held years up to the
// view's year, newest first, following its lineage (renames, mergers).
func (v *View) ZoneHistory(code string) []Held {
	var out []Held
	for i := len(v.Years) - 1; i >= 0; i-- {
		y := v.Years[i]
		if y > v.Year {
			continue
		}
		h := Held{Year: y, Absent: true}
		for _, r := range v.History.Records {
			if r.Period == strconv.Itoa(y) && v.lineageHas(code, r.Unit) {
				if h.Absent || r.Grade != "" && r.GroupRank < h.Record.GroupRank {
					h = Held{Year: y, Code: r.Unit, Record: r}
				}
			}
		}
		out = append(out, h)
	}
	return out
}

// lineageHas reports whether unit's history continues in code (unit is
// code, or a chain of renames and mergers leads from unit to code).
func (v *View) lineageHas(code, unit string) bool {
	for n := 0; n <= len(v.Changes.Successor); n++ {
		if unit == code {
			return true
		}
		next, ok := v.Changes.Successor[unit]
		if !ok {
			return false
		}
		unit = next
	}
	return false
}
