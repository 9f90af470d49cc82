package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// ZoneEnterpriseGrade is an enterprise's 亩均效益 grading in a year, as
// mujun.Grade gave it under the year's scheme: Values and Points are in
// the scheme's indicator order (NaN and ±Inf kept), Score NaN and Rank 0
// when not eligible, Reasons one line each in Chinese (ReasonsZH) and
// English (ReasonsEN).
type ZoneEnterpriseGrade struct {
	Year                 int
	Zone, USCC           string
	Eligible             bool
	Score                float64
	Rank                 int
	ByScore, Class       string
	Fixed                bool
	Values, Points       []float64
	ReasonsZH, ReasonsEN []string
}

// ZoneGrading is a year's grading: the scheme (mujun TOML) and every
// enterprise's grade.
type ZoneGrading struct {
	Year   int
	Scheme string
	Grades []ZoneEnterpriseGrade
}

// PutZoneGrading replaces the grading of g.Year, all or nothing, and
// audits it with the count per class. Every graded enterprise must be an
// enterprise of the year (ErrInvalid otherwise).
func (db *DB) PutZoneGrading(ctx context.Context, actor Actor, g ZoneGrading) (err error) {
	defer wrap(&err, "PutZoneGrading(%d, %d)", g.Year, len(g.Grades))
	return db.change(ctx, actor, func(t *txn) error {
		have := map[[2]string]bool{}
		rows, err := t.Query(`SELECT zone_code, uscc FROM zone_enterprises WHERE year = $1`, g.Year)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k [2]string
			if err := rows.Scan(&k[0], &k[1]); err != nil {
				rows.Close()
				return err
			}
			have[k] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		counts := map[string]int{}
		for _, x := range g.Grades {
			if x.Year != g.Year || !have[[2]string{x.Zone, x.USCC}] {
				return refuse(ErrInvalid, "store.zone.gradeEnterprise", x.USCC, x.Zone, g.Year)
			}
			counts[x.Class]++
		}
		if _, err := t.Exec(`DELETE FROM zone_enterprise_grades WHERE year = $1`, g.Year); err != nil {
			return err
		}
		if _, err := t.Exec(`INSERT INTO zone_mujun_schemes (year, scheme, graded_by, graded_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (year) DO UPDATE SET scheme = $2, graded_by = $3, graded_at = $4`,
			g.Year, g.Scheme, t.actor.Username, t.now); err != nil {
			return err
		}
		cols := []string{"year", "zone_code", "uscc", "eligible", "score", "rank", "by_score", "class", "fixed",
			"vals", "points", "reasons_zh", "reasons_en"}
		if err := t.insertBatch("zone_enterprise_grades", cols, len(g.Grades), func(i int, dst []any) []any {
			x := &g.Grades[i]
			return append(dst, x.Year, x.Zone, x.USCC, x.Eligible, nullNum(x.Score), x.Rank, x.ByScore, x.Class,
				x.Fixed, numsJSON(x.Values), numsJSON(x.Points), strings.Join(x.ReasonsZH, "\n"),
				strings.Join(x.ReasonsEN, "\n"))
		}); err != nil {
			return err
		}
		delete(counts, "")
		return t.audit("grade", "zone_enterprises", fmt.Sprint(g.Year), map[string]any{"enterprises": len(g.Grades),
			"classes": counts})
	})
}

// numsJSON writes numbers as a JSON array, NaN as null and ±Inf as the
// strings "inf" and "-inf".
func numsJSON(vs []float64) string {
	out := make([]any, len(vs))
	for i, v := range vs {
		switch {
		case math.IsNaN(v):
			out[i] = nil
		case math.IsInf(v, 1):
			out[i] = "inf"
		case math.IsInf(v, -1):
			out[i] = "-inf"
		default:
			out[i] = v
		}
	}
	b, _ := json.Marshal(out)
	return string(b)
}

func numsOf(s string) ([]float64, error) {
	var raw []any
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return nil, err
	}
	vs := make([]float64, len(raw))
	for i, r := range raw {
		switch x := r.(type) {
		case float64:
			vs[i] = x
		case string:
			vs[i] = math.Inf(1)
			if x == "-inf" {
				vs[i] = math.Inf(-1)
			}
		default:
			vs[i] = math.NaN()
		}
	}
	return vs, nil
}

// ZoneEnterpriseGrades returns the grading of year for zone ("" = every
// zone) and the scheme that made it; ErrNotFound when the year was not
// graded. Grades come by zone, then rank (the not graded last), then
// USCC.
func (db *DB) ZoneEnterpriseGrades(ctx context.Context, year int, zone string) (g ZoneGrading, err error) {
	defer wrap(&err, "ZoneEnterpriseGrades(%d, %q)", year, zone)
	g.Year = year
	err = db.sql.QueryRowContext(ctx, `SELECT scheme FROM zone_mujun_schemes WHERE year = $1`, year).Scan(&g.Scheme)
	if err == sql.ErrNoRows {
		return g, refuse(ErrNotFound, "store.zone.noGrading", year)
	}
	if err != nil {
		return g, err
	}
	q := `SELECT year, zone_code, uscc, eligible, score, rank, by_score, class, fixed, vals, points, reasons_zh, reasons_en
		FROM zone_enterprise_grades WHERE year = $1`
	args := []any{year}
	if zone != "" {
		q += ` AND zone_code = $2`
		args = append(args, zone)
	}
	rows, err := db.sql.QueryContext(ctx, q+` ORDER BY zone_code, CASE WHEN rank = 0 THEN 1 ELSE 0 END, rank, uscc`, args...)
	if err != nil {
		return g, err
	}
	defer rows.Close()
	for rows.Next() {
		var x ZoneEnterpriseGrade
		var sc sql.NullFloat64
		var vals, pts, zh, en string
		if err := rows.Scan(&x.Year, &x.Zone, &x.USCC, &x.Eligible, &sc, &x.Rank, &x.ByScore, &x.Class, &x.Fixed,
			&vals, &pts, &zh, &en); err != nil {
			return g, err
		}
		x.Score = numOf(sc)
		if x.Values, err = numsOf(vals); err != nil {
			return g, err
		}
		if x.Points, err = numsOf(pts); err != nil {
			return g, err
		}
		x.ReasonsZH, x.ReasonsEN = lines(zh), lines(en)
		g.Grades = append(g.Grades, x)
	}
	return g, rows.Err()
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
