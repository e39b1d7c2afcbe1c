package outdir

import (
	"cmp"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
)

// A Stager changes the output folder all or nothing as far as the disk
// allows. Files are staged, from any number of goroutines, as temporary
// files in the folders they go to; Commit renames them into place and then
// deletes the files to remove, with any folder they leave empty; Abort
// removes the temporary files and the folders made for them, and leaves the
// folder as it was. Everything goes through an os.Root of the output
// folder, which is made on the first staged file if it does not exist.
type Stager struct {
	out string

	mu      sync.Mutex
	root    *os.Root
	madeOut bool     // out did not exist and was made
	made    []string // folders made inside out, outermost first
	temps   []tempFile
	removes []string
	err     error // the error opening the folder, if any
}

// tempFile is a staged temporary file and the file it becomes.
type tempFile struct {
	temp, name string
}

// NewStager returns a Stager for the output folder out.
func NewStager(out string) *Stager {
	return &Stager{out: out}
}

// open opens the output folder, making it if it does not exist. It is
// called with mu held.
func (s *Stager) open() error {
	if s.root != nil || s.err != nil {
		return s.err
	}
	if _, err := os.Lstat(s.out); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(s.out, 0o755); err != nil {
			s.err = err
			return err
		}
		s.madeOut = true
	}
	s.root, s.err = os.OpenRoot(s.out)
	return s.err
}

// Stage writes data to a temporary file in the folder of name, a slash
// path under the output folder, making the folder if needed.
func (s *Stager) Stage(name string, data []byte) error {
	s.mu.Lock()
	err := s.open()
	if err == nil {
		var dirs []string
		dirs, err = mkdirs(s.root, path.Dir(name))
		s.made = append(s.made, dirs...)
	}
	root := s.root
	s.mu.Unlock()
	if err != nil {
		return err
	}
	tmp, err := writeTemp(root, path.Dir(name), data)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.temps = append(s.temps, tempFile{tmp, name})
	s.mu.Unlock()
	return nil
}

// Remove marks the file name, a slash path under the output folder, to be
// deleted on Commit.
func (s *Stager) Remove(name string) {
	s.mu.Lock()
	s.removes = append(s.removes, name)
	s.mu.Unlock()
}

// Staged returns the number of files staged.
func (s *Stager) Staged() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.temps)
}

// Commit renames the staged files into place, in order of name, and
// deletes the files to remove. If a rename fails, the files not yet renamed
// are removed and the error returned.
func (s *Stager) Commit() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.temps) == 0 && len(s.removes) == 0 {
		return nil
	}
	if err := s.open(); err != nil {
		return err
	}
	defer s.root.Close()
	sort.Slice(s.temps, func(i, j int) bool { return s.temps[i].name < s.temps[j].name })
	for i, t := range s.temps {
		if err := s.root.Rename(t.temp, t.name); err != nil {
			s.temps = s.temps[i:]
			s.abortLocked()
			return err
		}
	}
	s.temps, s.made, s.madeOut = nil, nil, false
	emptied := map[string]bool{}
	sort.Strings(s.removes)
	for _, name := range s.removes {
		if err := s.root.Remove(name); err != nil {
			return err
		}
		emptied[path.Dir(name)] = true
	}
	// A package folder that held only leftovers goes too, and a folder
	// that held only such folders (a package whose bridge went with it):
	// the deepest first.
	dirs := slices.Collect(maps.Keys(emptied))
	slices.SortFunc(dirs, func(a, b string) int {
		return cmp.Or(cmp.Compare(strings.Count(b, "/"), strings.Count(a, "/")), strings.Compare(a, b))
	})
	for len(dirs) > 0 {
		dir := dirs[0]
		dirs = dirs[1:]
		if dir == "." {
			continue
		}
		if entries, err := fs.ReadDir(s.root.FS(), dir); err == nil && len(entries) == 0 {
			if err := s.root.Remove(dir); err != nil {
				return err
			}
			if parent := path.Dir(dir); !slices.Contains(dirs, parent) {
				dirs = append(dirs, parent)
			}
		}
	}
	return nil
}

// Abort removes the staged files and the folders made for them.
func (s *Stager) Abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.abortLocked()
	if s.root != nil {
		s.root.Close()
	}
}

func (s *Stager) abortLocked() {
	if s.root == nil {
		return
	}
	for _, t := range s.temps {
		s.root.Remove(t.temp)
	}
	s.temps = nil
	for i := len(s.made) - 1; i >= 0; i-- {
		s.root.Remove(s.made[i])
	}
	s.made = nil
	if s.madeOut {
		os.Remove(s.out)
		s.madeOut = false
	}
}
