"""The programme and its master: clips in, one MP3 at the podcast loudness standard out.

``assemble`` lays clips and pauses end to end (with chapter and cue times), ``music`` mixes a
bed under the ends, ``loudness`` and ``dsp`` measure and master it, ``encode`` makes the MP3.
Modules are imported one by one, so NumPy loads only when there is audio to make.
"""
