package store

import (
	"context"
	"database/sql"
	"math"
	"strings"

	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
)

// ChainInputs is what the weak-link rules (chain.Assess) read: the local
// enterprises — those of the zone enterprise lists of Year, and the
// investors of ledger projects in production (投产, 建成) that the lists do
// not hold — and the ledger's current original projects that have an
// industry or an explicit node, at their current stage.
type ChainInputs struct {
	Year        int // the zone enterprise lists' year read (0: none)
	Enterprises []chain.Enterprise
	Projects    []chain.Project
}

// ChainInputs returns the inputs of the weak-link rules as of year: the
// newest zone enterprise lists not after year (year 0: the newest).
func (db *DB) ChainInputs(ctx context.Context, year int) (in ChainInputs, err error) {
	defer wrap(&err, "ChainInputs(%d)", year)
	ys, err := db.ZoneEnterpriseYears(ctx)
	if err != nil {
		return in, err
	}
	for _, y := range ys { // newest first
		if year == 0 || y <= year {
			in.Year = y
			break
		}
	}
	seen := map[string]bool{}
	if in.Year > 0 {
		// Only the columns the rules read: the whole rows cost a third of
		// the chain page.
		rows, err := db.sql.QueryContext(ctx, `SELECT uscc, name, industry, county, output FROM zone_enterprises
			WHERE year = $1 ORDER BY zone_code, uscc`, in.Year)
		if err != nil {
			return in, err
		}
		defer rows.Close()
		for rows.Next() {
			var e chain.Enterprise
			var output sql.NullFloat64
			if err := rows.Scan(&e.USCC, &e.Name, &e.Industry, &e.County, &output); err != nil {
				return in, err
			}
			if seen[e.USCC] {
				continue // one enterprise in two zones' lists counts once
			}
			seen[e.USCC] = true
			e.Output = math.NaN()
			if output.Valid {
				e.Output = output.Float64
			}
			in.Enterprises = append(in.Enterprises, e)
		}
		if err := rows.Err(); err != nil {
			return in, err
		}
		rows.Close()
	}
	// The current stage is the latest recorded change, or the stage the
	// project was imported with: the changes are few, read apart rather
	// than by a subquery for each project.
	latest := map[string]string{}
	srows, err := db.sql.QueryContext(ctx, `SELECT project_id, to_stage FROM invest_stage_changes ORDER BY id`)
	if err != nil {
		return in, err
	}
	defer srows.Close()
	for srows.Next() {
		var id, to string
		if err := srows.Scan(&id, &to); err != nil {
			return in, err
		}
		latest[id] = to
	}
	if err := srows.Err(); err != nil {
		return in, err
	}
	srows.Close()
	rows, err := db.sql.QueryContext(ctx, `SELECT project_id, county, industry, chain_node, investor, investor_code, stage
		FROM invest_projects WHERE superseded_by IS NULL AND increase_of = '' AND (industry <> '' OR chain_node <> '')
		ORDER BY project_id`)
	if err != nil {
		return in, err
	}
	defer rows.Close()
	for rows.Next() {
		var p chain.Project
		var node, investor, code, stage string
		if err := rows.Scan(&p.ID, &p.County, &p.Industry, &node, &investor, &code, &stage); err != nil {
			return in, err
		}
		if to, ok := latest[p.ID]; ok {
			stage = to
		}
		p.Chain, p.Node, _ = strings.Cut(node, "/")
		p.Stage = invest.Stage(stage)
		in.Projects = append(in.Projects, p)
		if (p.Stage == invest.StageProducing || p.Stage == invest.StageBuilt) && p.Industry != "" && !seen[code] {
			if code != "" {
				seen[code] = true
			}
			in.Enterprises = append(in.Enterprises, chain.Enterprise{USCC: code, Name: investor, Industry: p.Industry,
				County: p.County, Output: math.NaN()})
		}
	}
	return in, rows.Err()
}

// ChainSupplyOf returns chain c's reported 本地配套率 as of year: for each
// node and place, the newest report not after year (0: the newest).
func ChainSupplyOf(c *Chain, year int) []chain.Supply {
	newest := map[[2]string]ChainSupply{}
	for _, s := range c.Supply {
		k := [2]string{s.Node, s.Place}
		if o, ok := newest[k]; (year == 0 || s.Year <= year) && (!ok || s.Year > o.Year) {
			newest[k] = s
		}
	}
	out := make([]chain.Supply, 0, len(newest))
	for _, s := range c.Supply { // in the stored order
		if n := newest[[2]string{s.Node, s.Place}]; n == s {
			out = append(out, chain.Supply{Node: s.Node, Place: s.Place, Ratio: s.Ratio})
		}
	}
	return out
}

// ChainKeyed returns every chain's map with the places whose key chain it
// is, for the chain indicators (chain.SignedProjects).
func (db *DB) ChainKeyed(ctx context.Context) (ks []chain.Keyed, err error) {
	defer wrap(&err, "ChainKeyed")
	cs, err := db.Chains(ctx)
	if err != nil {
		return nil, err
	}
	for i := range cs {
		ks = append(ks, chain.Keyed{Chain: cs[i].Map(), Places: cs[i].Places})
	}
	return ks, nil
}

// ChainSignedTargets returns the signed targets with the zone of the
// project each became, for chain.WeakFilled.
func (db *DB) ChainSignedTargets(ctx context.Context) (ts []chain.SignedTarget, err error) {
	defer wrap(&err, "ChainSignedTargets")
	rows, err := db.sql.QueryContext(ctx, `SELECT c.code, t.node, t.county, COALESCE(p.zone, ''), t.signed_day
		FROM chain_targets t JOIN chains c ON c.id = t.chain_id
		LEFT JOIN invest_projects p ON p.project_id = t.project_id AND p.superseded_by IS NULL
		WHERE t.signed_day <> 0 ORDER BY t.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s chain.SignedTarget
		var zone sql.NullString
		if err := rows.Scan(&s.Chain, &s.Node, &s.County, &zone, &s.Day); err != nil {
			return nil, err
		}
		s.Zone = zone.String
		ts = append(ts, s)
	}
	return ts, rows.Err()
}
