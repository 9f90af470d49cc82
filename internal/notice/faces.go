package notice

import (
	"os"
)

// Face is the role of a line of text, which GB/T 9704 sets in its own
// face: the title in 小标宋, level-1 headings in 黑体, level-2 headings in
// 楷体, the rest in 仿宋.
type Face string

// The faces of a notice.
const (
	FaceBody     Face = ""      // 仿宋 (the body and everything else)
	FaceTitle    Face = "title" // 小标宋
	FaceHeading1 Face = "hei"   // 黑体
	FaceHeading2 Face = "kai"   // 楷体
)

// FacePaths are the TrueType fonts looked for, in turn, for each face
// besides the body's (FontPath): only TrueType faces with glyf outlines
// can be embedded with their Unicode map (see FontPaths). Debian has no
// free TrueType 小标宋 or 仿宋: the title and the body take the body font.
var FacePaths = map[Face][]string{
	FaceHeading1: { // Droid Sans Fallback (fonts-droid-fallback), a 黑体-like sans
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	},
	FaceHeading2: { // AR PL KaitiM GB (fonts-arphic-gkai00mp)
		"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
		"/usr/share/fonts/truetype/arphic/gkai00mp.ttf",
	},
}

// Faces are the fonts of a PDF by face; a face without a font of its own
// is set in Body.
type Faces struct {
	Body  *Font
	Other map[Face]*Font
}

// Of is the font of face f.
func (fs Faces) Of(f Face) *Font {
	if ft := fs.Other[f]; ft != nil {
		return ft
	}
	return fs.Body
}

// LoadFaces loads the body font and every face of FacePaths that is
// installed, and returns the faces it found none for (set in the body
// font), for the caller to log.
func LoadFaces(body *Font) (fs Faces, missing []Face) {
	fs = Faces{Body: body, Other: map[Face]*Font{}}
	for _, f := range []Face{FaceTitle, FaceHeading1, FaceHeading2} {
		for _, p := range FacePaths[f] {
			if _, err := os.Stat(p); err != nil {
				continue
			}
			if ft, err := LoadFont(p); err == nil {
				fs.Other[f] = ft
				break
			}
		}
		if fs.Other[f] == nil {
			missing = append(missing, f)
		}
	}
	return fs, missing
}
