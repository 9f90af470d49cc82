package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// GeoMap is an uploaded boundary map: GeoJSON whose features carry 6-digit
// division codes, checked by the web layer before it is stored. An empty
// GeoJSON is the decision to go back to the tile map.
type GeoMap struct {
	ID        int64
	Name      string // the uploaded file's name, for the record
	GeoJSON   []byte
	Hash      string // SHA-256 of GeoJSON, hex: caches of drawn maps key on it
	Features  int
	CreatedAt time.Time
	CreatedBy string
}

const geoColumns = `id, name, geojson, hash, features, created_at, created_by`

func scanGeo(s scanner) (GeoMap, error) {
	var g GeoMap
	var text string
	err := s.Scan(&g.ID, &g.Name, &text, &g.Hash, &g.Features, &g.CreatedAt, &g.CreatedBy)
	g.GeoJSON, g.CreatedAt = []byte(text), g.CreatedAt.UTC()
	return g, err
}

// PutGeoJSON stores a new boundary map, which is in force from now on;
// empty geojson goes back to the tile map. Earlier maps are kept.
func (db *DB) PutGeoJSON(ctx context.Context, actor Actor, name string, geojson []byte, features int) (g GeoMap, err error) {
	defer wrap(&err, "PutGeoJSON(%q)", name)
	if features < 0 || len(geojson) == 0 && features != 0 {
		return g, refuse(ErrInvalid, "store.geo.features", features, len(geojson))
	}
	g = GeoMap{Name: name, GeoJSON: geojson, Hash: sha256Hex(geojson), Features: features, CreatedBy: actor.Username}
	err = db.change(ctx, actor, func(t *txn) error {
		g.CreatedAt = t.now
		if err := t.QueryRow(`INSERT INTO geo_maps (name, geojson, hash, features, created_at, created_by)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, name, string(geojson), g.Hash, features, t.now,
			actor.Username).Scan(&g.ID); err != nil {
			return err
		}
		return t.audit("create", "map", fmt.Sprint(g.ID), map[string]any{"name": name, "hash": g.Hash,
			"features": features, "bytes": len(geojson)})
	})
	return g, err
}

// GeoJSON returns the boundary map in force: the newest stored. ErrNotFound
// when none was ever stored; a GeoMap with empty GeoJSON when the last
// decision was to go back to the tile map.
func (db *DB) GeoJSON(ctx context.Context) (g GeoMap, err error) {
	defer wrap(&err, "GeoJSON")
	return scanGeo(db.sql.QueryRowContext(ctx, `SELECT `+geoColumns+` FROM geo_maps ORDER BY id DESC LIMIT 1`))
}

// GeoHash returns the hash of the boundary map in force without reading it,
// "" for the tile map: pages check it on every request, and the map itself
// is read only when it changed.
func (db *DB) GeoHash(ctx context.Context) (hash string, err error) {
	defer wrap(&err, "GeoHash")
	var features int
	err = db.sql.QueryRowContext(ctx, `SELECT hash, features FROM geo_maps ORDER BY id DESC LIMIT 1`).Scan(&hash, &features)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if features == 0 {
		return "", nil
	}
	return hash, nil
}
