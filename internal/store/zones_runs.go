package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// A zone assessment is a run of domain DomainZone (issue 18 item 5): a zone
// method applied to a year's zone figures. It goes through the county
// runs' lifecycle as it is — review, 公示 with its working-day window,
// objections, approval with the four-eyes rule, publication, supersession
// and correction — and keeps its own results (zone_run_grades and
// zone_run_values, migration 0019). Publishing it writes its grades and
// values into the published history (zone_grades, zone_values) as the
// year's assessed rows and records its method as the year's zone method,
// so that the public zone pages read published results only.

// NewZoneRun is what CreateZoneRun needs: the zone method, the year, the
// re-run's parent (0 for none), a note, and the computed grades and values
// of the year (their Year and Source are ignored).
type NewZoneRun struct {
	MethodID   int64
	Year       int
	ParentID   int64
	Note       string
	Source     string          // the data file the figures came from
	Visibility auth.Visibility // "" for full: zone results are published in full
	Grades     []ZoneGrade
	Values     []ZoneValue
}

// CreateZoneRun records a zone assessment as a draft run with its results,
// in one change. A re-run (ParentID) must re-run a zone run.
func (db *DB) CreateZoneRun(ctx context.Context, actor Actor, n NewZoneRun) (r Run, err error) {
	defer wrap(&err, "CreateZoneRun(%d)", n.Year)
	if n.Year < 1900 || n.Year > 2100 {
		return r, refuse(ErrInvalid, "store.zone.year", n.Year)
	}
	if len(n.Grades) == 0 {
		return r, refuse(ErrInvalid, "store.zone.runResults")
	}
	seen := map[string]bool{}
	for _, g := range n.Grades {
		switch {
		case g.Zone == "" || seen[g.Zone]:
			return r, refuse(ErrInvalid, "store.zone.runZone", g.Zone)
		case g.GroupRank < 1:
			return r, refuse(ErrInvalid, "store.zone.runRank", g.Zone, g.GroupRank)
		}
		seen[g.Zone] = true
	}
	if n.Visibility == "" {
		n.Visibility = auth.VisFull
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if n.ParentID != 0 {
			var d string
			if err := t.QueryRow(`SELECT domain FROM runs WHERE id = $1`, n.ParentID).Scan(&d); err == sql.ErrNoRows || err == nil && d != DomainZone {
				return refuse(ErrInvalid, "store.zone.notZoneRun", n.ParentID)
			} else if err != nil {
				return err
			}
		}
		// The zone figures come with the run (zone_run_values); the run
		// records the data revision of its time, as a county run does, and
		// a store without any gets one for the zone figures.
		var rev int64
		if err := t.QueryRow(`SELECT COALESCE(MAX(id), 0) FROM revisions`).Scan(&rev); err != nil {
			return err
		}
		if rev == 0 {
			r, err := t.newRevision(RevisionNote{Kind: "zones", Source: n.Source, Note: fmt.Sprintf("开发区 %d 年度数据", n.Year)})
			if err != nil {
				return err
			}
			rev = r.ID
		}
		if r, err = t.createRun(NewRun{MethodID: n.MethodID, Revision: rev, Period: strconv.Itoa(n.Year), ParentID: n.ParentID,
			Note: n.Note, Visibility: n.Visibility}, DomainZone); err != nil {
			return err
		}
		if err := t.insertBatch("zone_run_grades", []string{"run_id", "zone_code", "grp", "group_rank", "score", "grade"},
			len(n.Grades), func(i int, dst []any) []any {
				g := &n.Grades[i]
				return append(dst, r.ID, g.Zone, g.Group, nullNum(g.GroupRank), nullNum(g.Score), g.Grade)
			}); err != nil {
			return err
		}
		if err := t.insertBatch("zone_run_values", []string{"run_id", "zone_code", "indicator", "name", "unit", "value", "score"},
			len(n.Values), func(i int, dst []any) []any {
				v := &n.Values[i]
				return append(dst, r.ID, v.Zone, v.Indicator, v.Name, v.Unit, nullNum(v.Value), nullNum(v.Score))
			}); err != nil {
			return err
		}
		return t.audit("results", "run", fmt.Sprint(r.ID), map[string]int{"zones": len(n.Grades), "values": len(n.Values)})
	})
	return r, err
}

// ZoneRunGrades returns a zone run's results as grade-history rows of its
// year (source "assessed"), by zone.
func (db *DB) ZoneRunGrades(ctx context.Context, runID int64) (gs []ZoneGrade, err error) {
	defer wrap(&err, "ZoneRunGrades(%d)", runID)
	r, err := db.Run(ctx, runID)
	if err != nil {
		return nil, err
	}
	if r.Domain != DomainZone {
		return nil, refuse(ErrNotFound, "store.zone.notZoneRun", runID)
	}
	year, _ := strconv.Atoi(r.Period)
	rows, err := db.sql.QueryContext(ctx, `SELECT zone_code, grp, group_rank, score, grade FROM zone_run_grades
		WHERE run_id = $1 ORDER BY zone_code`, runID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		g := ZoneGrade{Year: year, Source: "assessed"}
		var rk, sc sql.NullFloat64
		if err := rows.Scan(&g.Zone, &g.Group, &rk, &sc, &g.Grade); err != nil {
			return nil, err
		}
		g.GroupRank, g.Score = numOf(rk), numOf(sc)
		gs = append(gs, g)
	}
	return gs, rows.Err()
}

// ZoneRunValues returns a zone's indicator values in a zone run, by
// indicator code.
func (db *DB) ZoneRunValues(ctx context.Context, runID int64, code string) (vs []ZoneValue, err error) {
	defer wrap(&err, "ZoneRunValues(%d, %s)", runID, code)
	rows, err := db.sql.QueryContext(ctx, `SELECT v.zone_code, r.period_code, v.indicator, v.name, v.unit, v.value, v.score
		FROM zone_run_values v JOIN runs r ON r.id = v.run_id WHERE v.run_id = $1 AND v.zone_code = $2 ORDER BY v.indicator`, runID, code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v ZoneValue
		var period string
		var val, sc sql.NullFloat64
		if err := rows.Scan(&v.Zone, &period, &v.Indicator, &v.Name, &v.Unit, &val, &sc); err != nil {
			return nil, err
		}
		v.Year, _ = strconv.Atoi(period)
		v.Value, v.Score = numOf(val), numOf(sc)
		vs = append(vs, v)
	}
	return vs, rows.Err()
}

// PublishedZoneRun returns the published (not superseded) zone run of
// year, false when the year's zone grades were imported or none exist.
func (db *DB) PublishedZoneRun(ctx context.Context, year int) (r Run, ok bool, err error) {
	defer wrap(&err, "PublishedZoneRun(%d)", year)
	rs, err := db.Runs(ctx, RunFilter{Period: strconv.Itoa(year), State: auth.StatePublished, Domain: DomainZone})
	if err != nil || len(rs) == 0 {
		return r, false, err
	}
	return rs[0], true, nil
}

// publishZoneRun writes a zone run's results into the published history as
// the year's assessed rows (replacing those of a superseded run) and
// records its method as the year's: the publishing transition's last
// step, in its transaction.
func (t *txn) publishZoneRun(r Run) error {
	year, err := strconv.Atoi(r.Period)
	if err != nil {
		return refuse(ErrInvalid, "store.zone.runPeriod", r.ID, r.Period)
	}
	for _, q := range []string{
		`DELETE FROM zone_grades WHERE year = $1 AND source = 'assessed'`,
		`DELETE FROM zone_values WHERE year = $1`,
	} {
		if _, err := t.Exec(q, year); err != nil {
			return err
		}
	}
	if _, err := t.Exec(`INSERT INTO zone_grades (zone_code, year, grp, group_rank, score, grade, source)
		SELECT zone_code, $2, grp, group_rank, score, grade, 'assessed' FROM zone_run_grades WHERE run_id = $1
		ON CONFLICT (zone_code, year) DO UPDATE SET grp = excluded.grp, group_rank = excluded.group_rank,
		score = excluded.score, grade = excluded.grade, source = excluded.source`, r.ID, year); err != nil {
		return err
	}
	if _, err := t.Exec(`INSERT INTO zone_values (zone_code, year, indicator, name, unit, value, score)
		SELECT zone_code, $2, indicator, name, unit, value, score FROM zone_run_values WHERE run_id = $1`, r.ID, year); err != nil {
		return err
	}
	if _, err := t.Exec(`INSERT INTO zone_methods (year, method_id) VALUES ($1, $2)
		ON CONFLICT (year) DO UPDATE SET method_id = excluded.method_id`, year, r.MethodID); err != nil {
		return err
	}
	return t.audit("publish", "zone_grades", fmt.Sprint(year), map[string]int64{"run": r.ID})
}

// zoneRunHasZone reports whether zone run id has a result for code (an
// objection names a zone of the run).
func (t *txn) zoneRunHasZone(id int64, code string) (bool, error) {
	var n int
	err := t.QueryRow(`SELECT COUNT(*) FROM zone_run_grades WHERE run_id = $1 AND zone_code = $2`, id, code).Scan(&n)
	return n > 0, err
}

func init() {
	dumpTables = append(dumpTables,
		dumpTable{"zone_run_grades", "run_id, zone_code, grp, group_rank, score, grade", "issffs", "run_id, zone_code", false},
		dumpTable{"zone_run_values", "run_id, zone_code, indicator, name, unit, value, score", "issssff", "run_id, zone_code, indicator", false},
	)
}
