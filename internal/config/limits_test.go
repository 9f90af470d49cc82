package config

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLimitsLayers: the [limits] section of the file, its environment
// variables (QIANGXIAN_LIMITS_ROWS) and flags (--limits.rows), layered as
// every setting is, and shown by config dump in its section.
func TestLimitsLayers(t *testing.T) {
	file := filepath.Join(t.TempDir(), "qx.toml")
	os.WriteFile(file, []byte("addr = \"127.0.0.1:9\"\n[limits]\nrows = 500\ncolumns = 60\ncells = 9000\nimport_slots = 2\n"), 0o600)
	env := map[string]string{"QIANGXIAN_LIMITS_COLUMNS": "70", "QIANGXIAN_LIMITS_CELLS": "8000"}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags := Flags(fs, "en")
	if err := fs.Parse([]string{"--limits.cells", "7000"}); err != nil {
		t.Fatal(err)
	}
	_, set := flags()
	c, err := Load(file, func(k string) string { return env[k] }, set)
	if err != nil {
		t.Fatal(err)
	}
	def := DefaultLimits()
	tests := []struct {
		name      string
		got, want any
	}{
		{"rows from the file", c.Limits.Table.Rows, 500},
		{"columns from the environment", c.Limits.Table.Columns, 70},
		{"cells from the flag", c.Limits.Table.Cells, 7000},
		{"import slots from the file", c.Limits.ImportSlots, 2},
		{"cell bytes default", c.Limits.Table.CellBytes, def.Table.CellBytes},
		{"queue default", c.Limits.ImportQueue, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("%v, want %v", tt.got, tt.want)
			}
		})
	}
	var b bytes.Buffer
	if err := c.Dump(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\n[limits]\n") || !strings.Contains(b.String(), "\ncells = 7000\n") {
		t.Errorf("dump lacks the [limits] section:\n%s", b.String())
	}
}

func TestLimitsRefused(t *testing.T) {
	for _, tt := range []struct{ key, value, want string }{
		{"limits.rows", "0", "limits.rows 0 is not positive"},
		{"limits.file_bytes", "-1", "limits.file_bytes -1 is not positive"},
		{"limits.import_slots", "0", "limits.import_slots 0"},
		{"limits.rows", "many", "--limits.rows"},
		{"limits.nothing", "1", `unknown setting "limits.nothing"`},
	} {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			_, err := Load("", func(string) string { return "" }, map[string]string{tt.key: tt.value})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one with %q", err, tt.want)
			}
		})
	}
}

// FuzzConfigTOML feeds arbitrary TOML to the loader: it must not panic,
// and a configuration it accepts must dump to a file that loads back as
// the same configuration.
func FuzzConfigTOML(f *testing.F) {
	f.Add([]byte("addr = \"0.0.0.0:9000\"\n[limits]\nrows = 10\n"))
	f.Add([]byte("[limits]\nratio = 0\n"))
	f.Add([]byte("login_failures = 3\nmax_upload = 2048\n"))
	f.Add([]byte("[limits.x]\ny = 1\n"))
	f.Add([]byte("demo = \"yes\"\n"))
	dir := f.TempDir()
	none := func(string) string { return "" }
	f.Fuzz(func(t *testing.T, data []byte) {
		c := Default()
		if err := c.applyTOML("f.toml", data); err != nil || c.Validate() != nil {
			return
		}
		var b bytes.Buffer
		if err := c.Dump(&b); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "dump.toml")
		if err := os.WriteFile(file, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		back, err := Load(file, none, nil)
		if err != nil {
			t.Fatalf("the dump of an accepted file does not load: %v\n%s", err, b.String())
		}
		back.AdminPassword = c.AdminPassword // masked
		if c.AdminPassword == "" {
			back.AdminPassword = ""
		}
		if maskDSN(c.DB) != c.DB {
			back.DB = c.DB
		}
		if back != c {
			t.Errorf("reloaded %+v, want %+v", back, c)
		}
	})
}
