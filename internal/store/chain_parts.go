package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/qiangxian/qiangxian/internal/chain"
)

func init() {
	// The chains go into backups; targets after the chains they stand on.
	dumpTables = append(dumpTables,
		dumpTable{"chains", chainColumns, "issssibfsts", "id", true},
		dumpTable{"chain_nodes", "chain_id, position, code, name, segment, industries, inputs", "iisssss", "chain_id, position", false},
		dumpTable{"chain_members", "chain_id, username, duty", "iss", "chain_id, username", false},
		dumpTable{"chain_tasks", "id, chain_id, year, title, status, note", "iiisss", "id", true},
		dumpTable{"chain_keys", "chain_id, kind, position, ref, name", "isiss", "chain_id, kind, position", false},
		dumpTable{"chain_leads", "chain_id, uscc, name, county, named_year", "isssi", "chain_id, uscc", false},
		dumpTable{"chain_excellent", "chain_id, year, uscc, name", "iiss", "chain_id, year, uscc", false},
		dumpTable{"chain_places", "chain_id, county", "is", "chain_id, county", false},
		dumpTable{"chain_supply", "chain_id, node, place, year, ratio", "issif", "chain_id, node, place, year", false},
		dumpTable{"size_lists", "list_name, year, position, name, uscc", "siiss", "list_name, year, position", false},
		dumpTable{"chain_targets", chainTargetColumns, "iissssssssits", "id", true},
		dumpTable{"chain_target_notes", "id, target_id, day, from_status, to_status, note, officer, noted_at, by_user",
			"iiissssts", "id", true})
}

// chainParts reads c's parts: nodes, members, 链主, places and supply
// ratios always, and with all its tasks, keys and excellent list.
func (db *DB) chainParts(ctx context.Context, c *Chain, all bool) error {
	query := func(q string, fn func(*sql.Rows) error) error {
		rows, err := db.sql.QueryContext(ctx, q, c.ID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := fn(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	c.Nodes, c.Members, c.Leads, c.Places = nil, nil, nil, nil
	if err := query(`SELECT code, name, segment, industries, inputs FROM chain_nodes WHERE chain_id = $1 ORDER BY position`,
		func(r *sql.Rows) error {
			var n chain.Node
			var seg, inds, ins string
			if err := r.Scan(&n.Code, &n.Name, &seg, &inds, &ins); err != nil {
				return err
			}
			n.Segment, n.Industries, n.Inputs = chain.Segment(seg), splitList(inds), splitList(ins)
			c.Nodes = append(c.Nodes, n)
			return nil
		}); err != nil {
		return err
	}
	if err := query(`SELECT username, duty FROM chain_members WHERE chain_id = $1 ORDER BY username`, func(r *sql.Rows) error {
		var m ChainMember
		if err := r.Scan(&m.Username, &m.Duty); err != nil {
			return err
		}
		c.Members = append(c.Members, m)
		return nil
	}); err != nil {
		return err
	}
	if err := query(`SELECT uscc, name, county, named_year FROM chain_leads WHERE chain_id = $1 ORDER BY named_year, uscc`,
		func(r *sql.Rows) error {
			var l ChainLead
			if err := r.Scan(&l.USCC, &l.Name, &l.County, &l.NamedYear); err != nil {
				return err
			}
			c.Leads = append(c.Leads, l)
			return nil
		}); err != nil {
		return err
	}
	if err := query(`SELECT county FROM chain_places WHERE chain_id = $1 ORDER BY county`, func(r *sql.Rows) error {
		var p string
		if err := r.Scan(&p); err != nil {
			return err
		}
		c.Places = append(c.Places, p)
		return nil
	}); err != nil {
		return err
	}
	c.Supply = nil
	if err := query(`SELECT node, place, year, ratio FROM chain_supply WHERE chain_id = $1 ORDER BY node, place, year`,
		func(r *sql.Rows) error {
			var s ChainSupply
			if err := r.Scan(&s.Node, &s.Place, &s.Year, &s.Ratio); err != nil {
				return err
			}
			c.Supply = append(c.Supply, s)
			return nil
		}); err != nil {
		return err
	}
	if !all {
		return nil
	}
	c.Tasks, c.Keys, c.Excellent = nil, nil, nil
	if err := query(`SELECT year, title, status, note FROM chain_tasks WHERE chain_id = $1 ORDER BY year DESC, id`,
		func(r *sql.Rows) error {
			var k ChainTask
			if err := r.Scan(&k.Year, &k.Title, &k.Status, &k.Note); err != nil {
				return err
			}
			c.Tasks = append(c.Tasks, k)
			return nil
		}); err != nil {
		return err
	}
	if err := query(`SELECT kind, ref, name FROM chain_keys WHERE chain_id = $1 ORDER BY kind, position`, func(r *sql.Rows) error {
		var k ChainKey
		if err := r.Scan(&k.Kind, &k.Ref, &k.Name); err != nil {
			return err
		}
		c.Keys = append(c.Keys, k)
		return nil
	}); err != nil {
		return err
	}
	if err := query(`SELECT year, uscc, name FROM chain_excellent WHERE chain_id = $1 ORDER BY year DESC, uscc`,
		func(r *sql.Rows) error {
			var e ChainExcellent
			if err := r.Scan(&e.Year, &e.USCC, &e.Name); err != nil {
				return err
			}
			c.Excellent = append(c.Excellent, e)
			return nil
		}); err != nil {
		return err
	}
	return nil
}

// splitList reads a comma-separated list ("" is none).
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
