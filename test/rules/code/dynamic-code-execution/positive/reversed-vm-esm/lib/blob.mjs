export const blob = ')"vne.ssecorp"(gol.elosnoc';
