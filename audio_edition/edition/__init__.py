"""The edition's files beside the audio: an article, chapters and cue times in; ID3 tags and
cover (``tags``, ``cover``), WebVTT, SRT, JSON transcripts and chapters (``transcript``) and
word timings (``words``) out.
"""
