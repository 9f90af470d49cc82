-- The deployment's official boundary map (GeoJSON keyed by 6-digit division
-- codes), uploaded by an administrator; none ships with the product. Every
-- upload is a new row and the newest is in force; a row with empty geojson
-- takes the map back to the tile map. Rows are never changed.
CREATE TABLE geo_maps (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL DEFAULT '',
	geojson    TEXT NOT NULL,
	hash       TEXT NOT NULL,
	features   INTEGER NOT NULL,
	created_at TIMESTAMP NOT NULL,
	created_by TEXT NOT NULL
);
CREATE TRIGGER geo_maps_append_only_u BEFORE UPDATE ON geo_maps BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: maps are append-only'); END;
CREATE TRIGGER geo_maps_append_only_d BEFORE DELETE ON geo_maps BEGIN SELECT RAISE(ABORT, 'qiangxian: immutable: maps are append-only'); END;
