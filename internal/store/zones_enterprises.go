package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/zone/mujun"
)

// ZoneEnterprise is one enterprise of a development zone in a year (the
// year of its figures). Money is 万元, land 亩, energy tce; a figure not
// reported is NaN, Employees and StartYear 0 when not reported. LandMu is
// the land the enterprise uses: LandOwned + LandLeasedIn − LandLeasedOut
// when the parts are given (leased land counts to its user). Industry is a
// GB/T 4754 code (C3311, C33 …), County the division hosting it,
// Regulated the 规上 flag, Accident a major safety or environmental
// accident in the year (a grading override), Example a generated demo
// enterprise (示例).
type ZoneEnterprise struct {
	Year                                        int
	Zone, SubPark, USCC, Name, Industry, County string
	Regulated                                   bool
	LandMu, Output, ValueAdded, Tax, EnergyTCE  float64
	Emissions, RD                               float64
	Employees, StartYear                        int
	LandOwned, LandLeasedIn, LandLeasedOut      float64
	Accident, Example                           bool
}

// Mujun returns e as the grading core reads it. When the land parts are
// not given, LandMu counts as owned land.
func (e *ZoneEnterprise) Mujun() mujun.Enterprise {
	m := mujun.Enterprise{USCC: e.USCC, Name: e.Name, Zone: e.Zone, SubPark: e.SubPark, Industry: e.Industry, County: e.County,
		AboveSize: e.Regulated, Year: e.Year, LandOwned: e.LandOwned, LandLeasedIn: e.LandLeasedIn,
		LandLeasedOut: e.LandLeasedOut, StartYear: e.StartYear, Output: e.Output, ValueAdded: e.ValueAdded,
		Tax: e.Tax, Energy: e.EnergyTCE, Emissions: e.Emissions, RD: e.RD, Employees: math.NaN(), Accident: e.Accident}
	if math.IsNaN(m.Land()) {
		m.LandOwned = e.LandMu
	}
	if e.Employees > 0 {
		m.Employees = float64(e.Employees)
	}
	return m
}

// FromMujun returns the store row of a graded enterprise read by the core.
func FromMujun(m *mujun.Enterprise) ZoneEnterprise {
	e := ZoneEnterprise{Year: m.Year, Zone: m.Zone, SubPark: m.SubPark, USCC: m.USCC, Name: m.Name,
		Industry: m.Industry, County: m.County, Regulated: m.AboveSize, LandMu: m.Land(), Output: m.Output, ValueAdded: m.ValueAdded,
		Tax: m.Tax, EnergyTCE: m.Energy, Emissions: m.Emissions, RD: m.RD, StartYear: m.StartYear,
		LandOwned: m.LandOwned, LandLeasedIn: m.LandLeasedIn, LandLeasedOut: m.LandLeasedOut, Accident: m.Accident}
	if !math.IsNaN(m.Employees) {
		e.Employees = int(math.Round(m.Employees))
	}
	return e
}

// ZoneEnterpriseRevision is one import of a year's enterprises.
type ZoneEnterpriseRevision struct {
	Year, Revision                int
	Zones                         []string // the zones whose rows it replaced
	Source                        string   // the file it came from
	Rows, Added, Changed, Removed int
	By                            string
	At                            time.Time
}

var zoneEntCols = []string{"year", "zone_code", "subpark", "uscc", "name", "industry", "county", "regulated",
	"land_mu", "land_owned", "land_leased_in", "land_leased_out", "start_year", "output", "value_added", "tax",
	"energy_tce", "emissions", "rd", "employees", "accident", "example"}

func (e *ZoneEnterprise) args(dst []any) []any {
	var emp any
	if e.Employees > 0 {
		emp = e.Employees
	}
	return append(dst, e.Year, e.Zone, e.SubPark, e.USCC, e.Name, e.Industry, e.County, e.Regulated,
		nullNum(e.LandMu), nullNum(e.LandOwned), nullNum(e.LandLeasedIn), nullNum(e.LandLeasedOut), e.StartYear,
		nullNum(e.Output), nullNum(e.ValueAdded), nullNum(e.Tax), nullNum(e.EnergyTCE), nullNum(e.Emissions),
		nullNum(e.RD), emp, e.Accident, e.Example)
}

func scanZoneEnterprise(s scanner) (ZoneEnterprise, error) {
	var e ZoneEnterprise
	var land, own, in, out, outp, va, tax, en, em, rd sql.NullFloat64
	var emp sql.NullInt64
	err := s.Scan(&e.Year, &e.Zone, &e.SubPark, &e.USCC, &e.Name, &e.Industry, &e.County, &e.Regulated,
		&land, &own, &in, &out, &e.StartYear, &outp, &va, &tax, &en, &em, &rd, &emp, &e.Accident, &e.Example)
	e.LandMu, e.LandOwned, e.LandLeasedIn, e.LandLeasedOut = numOf(land), numOf(own), numOf(in), numOf(out)
	e.Output, e.ValueAdded, e.Tax, e.EnergyTCE = numOf(outp), numOf(va), numOf(tax), numOf(en)
	e.Emissions, e.RD, e.Employees = numOf(em), numOf(rd), int(emp.Int64)
	return e, err
}

// ZoneEnterprises returns the enterprises of zone in year (zone "": of
// every zone), by zone and USCC.
func (db *DB) ZoneEnterprises(ctx context.Context, year int, zone string) (es []ZoneEnterprise, err error) {
	defer wrap(&err, "ZoneEnterprises(%d, %q)", year, zone)
	q := `SELECT ` + strings.Join(zoneEntCols, ", ") + ` FROM zone_enterprises WHERE year = $1`
	args := []any{year}
	if zone != "" {
		q += ` AND zone_code = $2`
		args = append(args, zone)
	}
	rows, err := db.sql.QueryContext(ctx, q+` ORDER BY zone_code, uscc`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanZoneEnterprise(rows)
		if err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	return es, rows.Err()
}

// ZoneEnterprise returns one enterprise of a zone in a year.
func (db *DB) ZoneEnterprise(ctx context.Context, year int, zone, uscc string) (e ZoneEnterprise, err error) {
	defer wrap(&err, "ZoneEnterprise(%d, %s, %s)", year, zone, uscc)
	e, err = scanZoneEnterprise(db.sql.QueryRowContext(ctx, `SELECT `+strings.Join(zoneEntCols, ", ")+`
		FROM zone_enterprises WHERE year = $1 AND zone_code = $2 AND uscc = $3`, year, zone, uscc))
	if err == sql.ErrNoRows {
		err = refuse(ErrNotFound, "store.zone.noEnterprise", uscc, zone, year)
	}
	return e, err
}

// ZoneEnterpriseYears returns the years that have enterprises, latest
// first.
func (db *DB) ZoneEnterpriseYears(ctx context.Context) (ys []int, err error) {
	defer wrap(&err, "ZoneEnterpriseYears")
	rows, err := db.sql.QueryContext(ctx, `SELECT DISTINCT year FROM zone_enterprises ORDER BY year DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		ys = append(ys, y)
	}
	return ys, rows.Err()
}

// ReplaceZoneEnterprises is a yearly revision: it replaces the rows of
// year of every zone in zones (nil: the zones of es) by es, all or
// nothing, records the revision (numbered within the year, with the rows
// added, changed and removed) and audits it. The rows replaced are not
// kept; the revision and audit rows say what changed. ErrInvalid, with
// nothing written, when a row is of another year or outside zones, a zone
// is not a zone of the registry, a sub-park not one of its zone, a USCC
// invalid or repeated within a zone, or a name empty.
func (db *DB) ReplaceZoneEnterprises(ctx context.Context, actor Actor, year int, zones []string, es []ZoneEnterprise, source string) (rev ZoneEnterpriseRevision, err error) {
	defer wrap(&err, "ReplaceZoneEnterprises(%d, %d rows)", year, len(es))
	if zones == nil {
		for _, e := range es {
			zones = append(zones, e.Zone)
		}
	}
	zones = slices.Compact(slices.Sorted(slices.Values(zones)))
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.checkZoneEnterprises(year, zones, es); err != nil {
			return err
		}
		old := map[[2]string]ZoneEnterprise{}
		for _, z := range zones {
			rows, err := t.Query(`SELECT `+strings.Join(zoneEntCols, ", ")+` FROM zone_enterprises
				WHERE year = $1 AND zone_code = $2`, year, z)
			if err != nil {
				return err
			}
			for rows.Next() {
				e, err := scanZoneEnterprise(rows)
				if err != nil {
					rows.Close()
					return err
				}
				old[[2]string{e.Zone, e.USCC}] = e
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			if _, err := t.Exec(`DELETE FROM zone_enterprises WHERE year = $1 AND zone_code = $2`, year, z); err != nil {
				return err
			}
		}
		rev = ZoneEnterpriseRevision{Year: year, Zones: zones, Source: source, Rows: len(es), By: t.actor.Username, At: t.now}
		for i := range es {
			k := [2]string{es[i].Zone, es[i].USCC}
			if o, ok := old[k]; !ok {
				rev.Added++
			} else if !sameEnterprise(o, es[i]) {
				rev.Changed++
			}
			delete(old, k)
		}
		rev.Removed = len(old)
		if err := t.insertBatch("zone_enterprises", zoneEntCols, len(es), func(i int, dst []any) []any {
			return es[i].args(dst)
		}); err != nil {
			return err
		}
		if err := t.QueryRow(`SELECT COALESCE(MAX(revision), 0) + 1 FROM zone_enterprise_revisions WHERE year = $1`,
			year).Scan(&rev.Revision); err != nil {
			return err
		}
		if _, err := t.Exec(`INSERT INTO zone_enterprise_revisions (year, revision, zones, source, rows, added, changed,
			removed, imported_by, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, year, rev.Revision,
			strings.Join(zones, ","), source, rev.Rows, rev.Added, rev.Changed, rev.Removed, rev.By, t.now); err != nil {
			return err
		}
		return t.audit("replace", "zone_enterprises", fmt.Sprint(year), map[string]any{"revision": rev.Revision,
			"zones": zones, "source": source, "rows": rev.Rows, "added": rev.Added, "changed": rev.Changed,
			"removed": rev.Removed})
	})
	return rev, err
}

// checkZoneEnterprises validates an import against the registry; it also
// fills LandMu from the land parts when they are given.
func (t *txn) checkZoneEnterprises(year int, zones []string, es []ZoneEnterprise) error {
	if year < 1000 || year > 9999 {
		return refuse(ErrInvalid, "store.zone.year", year)
	}
	isZone := map[string]bool{}
	subOf := map[string]string{}
	rows, err := t.Query(`SELECT u.code, COALESCE(u.parent_code, ''), u.kind FROM units u WHERE u.kind IN ($1, $2)`,
		UnitZone, UnitSubpark)
	if err != nil {
		return err
	}
	for rows.Next() {
		var code, parent string
		var k UnitKind
		if err := rows.Scan(&code, &parent, &k); err != nil {
			rows.Close()
			return err
		}
		if k == UnitZone {
			isZone[code] = true
		} else {
			subOf[code] = parent
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	inScope := map[string]bool{}
	for _, z := range zones {
		if !isZone[z] {
			return refuse(ErrInvalid, "store.zone.notInRegistry", z)
		}
		inScope[z] = true
	}
	seen := map[[2]string]bool{}
	for i := range es {
		e := &es[i]
		switch {
		case e.Year != year:
			return refuse(ErrInvalid, "store.zone.enterpriseYear", e.USCC, e.Year, year)
		case !inScope[e.Zone]:
			return refuse(ErrInvalid, "store.zone.enterpriseZone", e.USCC, e.Zone)
		case e.SubPark != "" && subOf[e.SubPark] != e.Zone:
			return refuse(ErrInvalid, "store.zone.enterpriseSubpark", e.USCC, e.SubPark, e.Zone)
		case !mujun.ValidUSCC(e.USCC):
			return refuse(ErrInvalid, "store.zone.enterpriseUSCC", e.Name, e.USCC)
		case strings.TrimSpace(e.Name) == "":
			return refuse(ErrInvalid, "store.zone.enterpriseName", e.USCC)
		case seen[[2]string{e.Zone, e.USCC}]:
			return refuse(ErrInvalid, "store.zone.enterpriseTwice", e.USCC, e.Zone)
		}
		seen[[2]string{e.Zone, e.USCC}] = true
		if m := e.Mujun(); !math.IsNaN(e.LandOwned+e.LandLeasedIn+e.LandLeasedOut) || math.IsNaN(e.LandMu) {
			e.LandMu = m.Land()
		}
	}
	return nil
}

// sameEnterprise compares two rows, NaN equal to NaN.
func sameEnterprise(a, b ZoneEnterprise) bool {
	na, nb := a.args(nil), b.args(nil)
	for i := range na {
		if na[i] != nb[i] {
			return false
		}
	}
	return true
}

// ZoneEnterpriseRevisions returns the imports of year, latest first.
func (db *DB) ZoneEnterpriseRevisions(ctx context.Context, year int) (rs []ZoneEnterpriseRevision, err error) {
	defer wrap(&err, "ZoneEnterpriseRevisions(%d)", year)
	rows, err := db.sql.QueryContext(ctx, `SELECT year, revision, zones, source, rows, added, changed, removed,
		imported_by, imported_at FROM zone_enterprise_revisions WHERE year = $1 ORDER BY revision DESC`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r ZoneEnterpriseRevision
		var zs string
		if err := rows.Scan(&r.Year, &r.Revision, &zs, &r.Source, &r.Rows, &r.Added, &r.Changed, &r.Removed,
			&r.By, &r.At); err != nil {
			return nil, err
		}
		r.Zones = strings.Split(zs, ",")
		r.At = r.At.UTC()
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

func init() {
	dumpTables = append(dumpTables,
		dumpTable{"zone_enterprises", strings.Join(zoneEntCols, ", "), "issssssbffffiffffffibb", "year, zone_code, uscc", false},
		dumpTable{"zone_enterprise_revisions", "id, year, revision, zones, source, rows, added, changed, removed, imported_by, imported_at",
			"iiissiiiist", "id", true},
		dumpTable{"zone_mujun_schemes", "year, scheme, graded_by, graded_at", "isst", "year", false},
		dumpTable{"zone_enterprise_grades", "year, zone_code, uscc, eligible, score, rank, by_score, class, fixed, vals, points, reasons_zh, reasons_en",
			"issbfissbssss", "year, zone_code, uscc", false},
		dumpTable{"zone_land", "zone_code, year, total, available, supplied, built, floor_area, industrial_built, industrial_floor, " +
			"industrial_invest, tax, industrial_tax, unsupplied, unsupplied_disposed, idle, idle_disposed", "siffffffffffffff", "zone_code, year", false},
		dumpTable{"zone_targets", "unit, measure, year, value", "ssif", "unit, measure, year", false},
		dumpTable{"zone_actuals", "unit, measure, year, value", "ssif", "unit, measure, year", false},
		dumpTable{"zone_configs", "name, body, updated_by, updated_at", "ssst", "name", false},
	)
}

// ZoneEnterpriseOutputs returns the output (万元) of the enterprises
// usccs by year, summed over their zones; years without a reported output
// are left out.
func (db *DB) ZoneEnterpriseOutputs(ctx context.Context, usccs []string) (out map[string]map[int]float64, err error) {
	defer wrap(&err, "ZoneEnterpriseOutputs(%d)", len(usccs))
	out = map[string]map[int]float64{}
	if len(usccs) == 0 {
		return out, nil
	}
	ph := make([]string, len(usccs))
	args := make([]any, len(usccs))
	for i, u := range usccs {
		ph[i], args[i] = fmt.Sprintf("$%d", i+1), u
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT uscc, year, SUM(output) FROM zone_enterprises
		WHERE uscc IN (`+strings.Join(ph, ", ")+`) AND output IS NOT NULL GROUP BY uscc, year`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var u string
		var y int
		var v float64
		if err := rows.Scan(&u, &y, &v); err != nil {
			return nil, err
		}
		if out[u] == nil {
			out[u] = map[int]float64{}
		}
		out[u][y] = v
	}
	return out, rows.Err()
}
